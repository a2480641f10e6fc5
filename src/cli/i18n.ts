/**
 * The argument parser in the user's language. commander speaks English ("error: unknown option
 * '--shet'", "Usage:", "display help for command"); EMU's users read Vietnamese, or English when
 * they ask with `--lang en`. This module decides the language from the raw arguments (before
 * commander parses them, so even a parse error is in the right language), turns each of
 * commander's errors into one line, and makes the help speak one language.
 *
 * Descriptions in `main.ts` are written "tiếng Việt / English"; the help shows only the side
 * of the chosen language, so a new command written the same way is translated with no more work.
 */
import { Help, type Command, type CommanderError, type Option } from "commander";
import type { Lang } from "../core";

/**
 * The arguments without a `--lang` given before the command (`emu --lang en --help`): only the
 * commands take `--lang`, and the language has already been read by `argvLang`.
 */
export function withoutLeadingLang(argv: readonly string[]): string[] {
  const out = [...argv];
  for (let i = 0; i < out.length; i++) {
    const a = out[i] ?? "";
    if (!a.startsWith("-")) break;
    if (a === "--lang") out.splice(i--, 2);
    else if (a.startsWith("--lang=")) out.splice(i--, 1);
  }
  return out;
}

/** The command among the arguments (`rank`, `validate` …), if one was typed. */
export function commandOf(argv: readonly string[], commands: readonly string[]): string | undefined {
  return argv.find((a) => commands.includes(a));
}

/** `--lang en` or `--lang=en` anywhere among the arguments; Vietnamese otherwise. */
export function argvLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    if (a === "--lang" && argv[i + 1] === "en") return "en";
    if (a === "--lang=en") return "en";
  }
  return "vi";
}

/** The side of a "tiếng Việt / English" text for `lang`; a text without " / " is returned whole. */
export function pick(text: string, lang: Lang): string {
  const parts = text.split(" / ");
  if (parts.length !== 2) return text;
  return (lang === "vi" ? parts[0] : parts[1])?.trim() ?? text;
}

const TITLES: Record<string, Record<Lang, string>> = {
  "Usage:": { vi: "Cách dùng:", en: "Usage:" },
  "Arguments:": { vi: "Tham số:", en: "Arguments:" },
  "Options:": { vi: "Tùy chọn:", en: "Options:" },
  "Global Options:": { vi: "Tùy chọn chung:", en: "Global Options:" },
  "Commands:": { vi: "Lệnh:", en: "Commands:" },
};

const USAGE_WORDS: Record<Lang, (s: string) => string> = {
  vi: (s) => s.replace(/\[options\]/g, "[tùy chọn]").replace(/\[command\]/g, "[lệnh]"),
  en: (s) => s,
};

/** Words of the help and of the parser's errors. */
const WORDS = {
  help: { vi: "hiện trợ giúp này", en: "show this help" },
  helpCommand: { vi: "hiện trợ giúp của một lệnh", en: "show the help of a command" },
  version: { vi: "hiện số phiên bản", en: "show the version number" },
  choices: { vi: "chọn", en: "choices" },
  default: { vi: "mặc định", en: "default" },
} as const;

/**
 * Makes `root` (and every command added to it afterwards) speak `lang`: help texts, the help
 * option and command, and `--version`. Call before adding subcommands: commander copies the
 * help configuration to each new subcommand. commander's own error lines are silenced here;
 * `run` prints `parserErrorMessage` instead.
 */
export function localise(root: Command, lang: Lang, version: string): Command {
  const base = Help.prototype;
  const words = USAGE_WORDS[lang];
  const help: Partial<Help> = {
    styleTitle: (str: string) => TITLES[str]?.[lang] ?? str,
    commandUsage(this: Help, cmd: Command) {
      return words(base.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return words(base.subcommandTerm.call(this, cmd));
    },
    commandDescription: (cmd: Command) => pick(cmd.description(), lang),
    subcommandDescription: (cmd: Command) => pick(cmd.summary() || cmd.description(), lang),
    argumentDescription: (argument) => pick(argument.description, lang),
    optionDescription(option: Option) {
      const extra: string[] = [];
      if (option.argChoices) extra.push(`${WORDS.choices[lang]}: ${option.argChoices.join(", ")}`);
      if (option.defaultValue !== undefined && (option.required || option.optional))
        extra.push(`${WORDS.default[lang]}: ${String(option.defaultValue)}`);
      const own = pick(option.description ?? "", lang);
      return extra.length > 0 ? `${own} (${extra.join("; ")})` : own;
    },
  };
  return root
    .configureHelp(help)
    .configureOutput({ outputError: () => undefined })
    .helpOption("-h, --help", WORDS.help[lang])
    .helpCommand("help [command]", WORDS.helpCommand[lang])
    .version(version, "-V, --version", WORDS.version[lang]);
}

const quoteOf = (msg: string, re: RegExp): string => re.exec(msg)?.[1] ?? "";

/** The option's flag without its value placeholder: "--lang <lang>" → "--lang". */
const flagOf = (s: string): string => s.split(/[ ,]/).find((p) => p.startsWith("--")) ?? s.split(" ")[0] ?? s;

/**
 * One line, in `lang`, for an error commander raised while parsing the arguments. Each kind
 * commander has is translated from its code; the English text is only mined for the names it
 * quotes (the option, the command, the suggestion), never shown.
 * `command` is the subcommand the user typed, so the hint points at its own help.
 * @example parserErrorMessage(err /* unknown option '--shet', did you mean --sheet *\/, "vi", "rank")
 * //=> 'Không có tùy chọn "--shet". Có phải ý bạn là --sheet? Xem: emu rank --help'
 */
export function parserErrorMessage(
  e: CommanderError,
  lang: Lang,
  command?: string,
  commands: readonly string[] = COMMANDS,
): string {
  const msg = e.message;
  const vi = lang === "vi";
  const suggestion = quoteOf(msg, /\(Did you mean (.+?)\?\)/);
  const helpCmd = command === undefined ? "emu --help" : `emu ${command} --help`;
  const hint = vi ? ` Xem: ${helpCmd}` : ` See: ${helpCmd}`;
  const didYouMean =
    suggestion === "" ? "" : vi ? ` Có phải ý bạn là ${suggestion}?` : ` Did you mean ${suggestion}?`;
  switch (e.code) {
    case "commander.unknownOption": {
      const flag = quoteOf(msg, /unknown option '([^']*)'/);
      return vi
        ? `Không có tùy chọn "${flag}".${didYouMean}${hint}`
        : `Unknown option "${flag}".${didYouMean}${hint}`;
    }
    case "commander.unknownCommand": {
      const cmd = quoteOf(msg, /unknown command '([^']*)'/);
      return vi
        ? `Không có lệnh "${cmd}".${didYouMean} Các lệnh: ${commands.join(", ")}.${hint}`
        : `Unknown command "${cmd}".${didYouMean} Commands: ${commands.join(", ")}.${hint}`;
    }
    case "commander.missingArgument": {
      const arg = quoteOf(msg, /missing required argument '([^']*)'/);
      const what = ARGUMENTS[arg]?.[lang] ?? arg;
      return vi ? `Thiếu ${what}.${hint}` : `Missing ${what}.${hint}`;
    }
    case "commander.optionMissingArgument": {
      const flag = flagOf(quoteOf(msg, /option '([^']*)'/));
      return vi
        ? `Tùy chọn ${flag} cần một giá trị đi kèm.${hint}`
        : `The option ${flag} needs a value.${hint}`;
    }
    case "commander.missingMandatoryOptionValue": {
      const flag = quoteOf(msg, /required option '([^']*)'/);
      return vi ? `Thiếu tùy chọn bắt buộc ${flag}.${hint}` : `The option ${flag} is required.${hint}`;
    }
    case "commander.invalidArgument": {
      const flag = flagOf(quoteOf(msg, /option '([^']*)'/));
      const value = quoteOf(msg, /argument '([^']*)' is invalid/);
      const allowed = quoteOf(msg, /Allowed choices are (.+)\./);
      return vi
        ? `Giá trị "${value}" không dùng được cho ${flag}; hãy chọn một trong: ${allowed}.`
        : `"${value}" is not a valid value for ${flag}; choose one of: ${allowed}.`;
    }
    case "commander.conflictingOption": {
      const [a, b] = [...msg.matchAll(/option '([^']*)'/g)].map((m) => flagOf(m[1] ?? ""));
      return vi
        ? `Không dùng ${a} cùng với ${b}: hãy chọn một trong hai.`
        : `${a} cannot be used together with ${b}: choose one.`;
    }
    case "commander.excessArguments": {
      const cmd = quoteOf(msg, /for '([^']*)'/);
      return vi
        ? `Lệnh ${cmd} nhận một tệp sổ làm việc, nhưng có nhiều hơn. Đường dẫn có dấu cách thì đặt trong ngoặc kép.${hint}`
        : `The ${cmd} command takes one workbook, but got more. Put a path with spaces in double quotes.${hint}`;
    }
    default:
      return vi ? `Lệnh gọi không đúng.${hint}` : `The command line is not right.${hint}`;
  }
}

/** The first commands, for a caller without the program; `run` passes the program's own list. */
const COMMANDS: readonly string[] = ["rank", "validate", "form", "consolidate"];

/** The positional arguments by the name `main.ts` gives them. */
const ARGUMENTS: Record<string, Record<Lang, string>> = {
  workbook: {
    vi: "tệp sổ làm việc .xlsx (ví dụ: emu rank bang-diem.xlsx)",
    en: "the .xlsx workbook (e.g. emu rank scores.xlsx)",
  },
  forms: { vi: "các phiếu .xlsx đã điền", en: "the filled .xlsx forms" },
};
