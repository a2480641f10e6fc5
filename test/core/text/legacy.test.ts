import fc from "fast-check";
import { detectLegacy, legacyToUnicode, unicodeToLegacy } from "../../../src/core/text/legacy";
import { isViSyllable } from "../../../src/core/text/vi-syllable";

/** TCVN3 (VN3) byte → Unicode code point, as glibc's TCVN5712-1 converter gives them. */
const TCVN3_BYTES = `
0xA1:0x0102 0xA2:0x00C2 0xA3:0x00CA 0xA4:0x00D4 0xA5:0x01A0 0xA6:0x01AF 0xA7:0x0110 0xA8:0x0103
0xA9:0x00E2 0xAA:0x00EA 0xAB:0x00F4 0xAC:0x01A1 0xAD:0x01B0 0xAE:0x0111 0xB5:0x00E0 0xB6:0x1EA3
0xB7:0x00E3 0xB8:0x00E1 0xB9:0x1EA1 0xBB:0x1EB1 0xBC:0x1EB3 0xBD:0x1EB5 0xBE:0x1EAF 0xC6:0x1EB7
0xC7:0x1EA7 0xC8:0x1EA9 0xC9:0x1EAB 0xCA:0x1EA5 0xCB:0x1EAD 0xCC:0x00E8 0xCE:0x1EBB 0xCF:0x1EBD
0xD0:0x00E9 0xD1:0x1EB9 0xD2:0x1EC1 0xD3:0x1EC3 0xD4:0x1EC5 0xD5:0x1EBF 0xD6:0x1EC7 0xD7:0x00EC
0xD8:0x1EC9 0xDC:0x0129 0xDD:0x00ED 0xDE:0x1ECB 0xDF:0x00F2 0xE1:0x1ECF 0xE2:0x00F5 0xE3:0x00F3
0xE4:0x1ECD 0xE5:0x1ED3 0xE6:0x1ED5 0xE7:0x1ED7 0xE8:0x1ED1 0xE9:0x1ED9 0xEA:0x1EDD 0xEB:0x1EDF
0xEC:0x1EE1 0xED:0x1EDB 0xEE:0x1EE3 0xEF:0x00F9 0xF1:0x1EE7 0xF2:0x0169 0xF3:0x00FA 0xF4:0x1EE5
0xF5:0x1EEB 0xF6:0x1EED 0xF7:0x1EEF 0xF8:0x1EE9 0xF9:0x1EF1 0xFA:0x1EF3 0xFB:0x1EF7 0xFC:0x1EF9
0xFD:0x00FD 0xFE:0x1EF5`
  .trim()
  .split(/\s+/)
  .map((pair) => pair.split(":").map(Number) as [number, number]);

/** Every Vietnamese letter in VNI Windows, as published VNI converters write it. */
const VNI_LETTERS = `
à=aø À=AØ ả=aû Ả=AÛ ã=aõ Ã=AÕ á=aù Á=AÙ ạ=aï Ạ=AÏ ă=aê Ă=AÊ ằ=aè Ằ=AÈ ẳ=aú Ẳ=AÚ ẵ=aü Ẵ=AÜ ắ=aé Ắ=AÉ
ặ=aë Ặ=AË â=aâ Â=AÂ ầ=aà Ầ=AÀ ẩ=aå Ẩ=AÅ ẫ=aã Ẫ=AÃ ấ=aá Ấ=AÁ ậ=aä Ậ=AÄ è=eø È=EØ ẻ=eû Ẻ=EÛ ẽ=eõ Ẽ=EÕ
é=eù É=EÙ ẹ=eï Ẹ=EÏ ê=eâ Ê=EÂ ề=eà Ề=EÀ ể=eå Ể=EÅ ễ=eã Ễ=EÃ ế=eá Ế=EÁ ệ=eä Ệ=EÄ ì=ì Ì=Ì ỉ=æ Ỉ=Æ ĩ=ó
Ĩ=Ó í=í Í=Í ị=ò Ị=Ò ò=oø Ò=OØ ỏ=oû Ỏ=OÛ õ=oõ Õ=OÕ ó=où Ó=OÙ ọ=oï Ọ=OÏ ô=oâ Ô=OÂ ồ=oà Ồ=OÀ ổ=oå Ổ=OÅ
ỗ=oã Ỗ=OÃ ố=oá Ố=OÁ ộ=oä Ộ=OÄ ơ=ô Ơ=Ô ờ=ôø Ờ=ÔØ ở=ôû Ở=ÔÛ ỡ=ôõ Ỡ=ÔÕ ớ=ôù Ớ=ÔÙ ợ=ôï Ợ=ÔÏ ù=uø Ù=UØ
ủ=uû Ủ=UÛ ũ=uõ Ũ=UÕ ú=uù Ú=UÙ ụ=uï Ụ=UÏ ư=ö Ư=Ö ừ=öø Ừ=ÖØ ử=öû Ử=ÖÛ ữ=öõ Ữ=ÖÕ ứ=öù Ứ=ÖÙ ự=öï Ự=ÖÏ
ỳ=yø Ỳ=YØ ỷ=yû Ỷ=YÛ ỹ=yõ Ỹ=YÕ ý=yù Ý=YÙ ỵ=î Ỵ=Î đ=ñ Đ=Ñ`
  .trim()
  .split(/\s+/)
  .map((pair) => pair.split("=") as [string, string]);

/** Real names and phrases from emulation papers, as they appear in TCVN3 and VNI workbooks. */
const NAMES: Array<[unicode: string, tcvn3: string, vni: string]> = [
  ["Sở Thông tin và Truyền thông", "Së Th«ng tin vµ TruyÒn th«ng", "Sôû Thoâng tin vaø Truyeàn thoâng"],
  ["Uỷ ban nhân dân", "Uû ban nh©n d©n", "Uyû ban nhaân daân"],
  ["Điện Biên", "§iÖn Biªn", "Ñieän Bieân"],
  ["Lạng Sơn", "L¹ng S¬n", "Laïng Sôn"],
  ["Hà Giang", "Hµ Giang", "Haø Giang"],
  ["Sở TT&TT Cao Bằng", "Së TT&TT Cao B»ng", "Sôû TT&TT Cao Baèng"],
  ["Lào Cai", "Lµo Cai", "Laøo Cai"],
  ["Sở TT&TT Lai Châu", "Së TT&TT Lai Ch©u", "Sôû TT&TT Lai Chaâu"],
  ["Sở TT&TT Sơn La", "Së TT&TT S¬n La", "Sôû TT&TT Sôn La"],
  ["Bảo Thắng", "B¶o Th¾ng", "Baûo Thaéng"],
  ["Mường Khương", "M\u00ADêng Kh\u00AD¬ng", "Möôøng Khöông"],
  ["Bát Xát", "B¸t X¸t", "Baùt Xaùt"],
  ["Bắc Kạn", "B¾c K¹n", "Baéc Kaïn"],
  ["Yên Bái", "Yªn B¸i", "Yeân Baùi"],
  ["Thái Nguyên", "Th¸i Nguyªn", "Thaùi Nguyeân"],
  ["Phú Thọ", "Phó Thä", "Phuù Thoï"],
  ["Quảng Ninh", "Qu¶ng Ninh", "Quaûng Ninh"],
  ["Hải Phòng", "H¶i Phßng", "Haûi Phoøng"],
  ["Thừa Thiên Huế", "Thõa Thiªn HuÕ", "Thöøa Thieân Hueá"],
  ["Đồng Tháp", "§ång Th¸p", "Ñoàng Thaùp"],
  ["Cần Thơ", "CÇn Th¬", "Caàn Thô"],
  ["Đắk Lắk", "§¾k L¾k", "Ñaék Laék"],
  ["Bà Rịa - Vũng Tàu", "Bµ RÞa - Vòng Tµu", "Baø Ròa - Vuõng Taøu"],
  ["Hà Nội", "Hµ Néi", "Haø Noäi"],
  ["Khánh Hòa", "Kh¸nh Hßa", "Khaùnh Hoøa"],
  ["Sóc Trăng", "Sãc Tr¨ng", "Soùc Traêng"],
  ["Cụm thi đua số 2", "Côm thi ®ua sè 2", "Cuïm thi ñua soá 2"],
  [
    "Sở Văn hóa, Thể thao và Du lịch",
    "Së V¨n hãa, ThÓ thao vµ Du lÞch",
    "Sôû Vaên hoùa, Theå thao vaø Du lòch",
  ],
  ["Thành phố Hồ Chí Minh", "Thµnh phè Hå ChÝ Minh", "Thaønh phoá Hoà Chí Minh"],
  ["UBND huyện Mường Khương", "UBND huyÖn M\u00ADêng Kh\u00AD¬ng", "UBND huyeän Möôøng Khöông"],
  ["Hoàn thành tốt nhiệm vụ", "Hoµn thµnh tèt nhiÖm vô", "Hoaøn thaønh toát nhieäm vuï"],
  ["Xuất sắc", "XuÊt s¾c", "Xuaát saéc"],
];

const NOT_LEGACY = [
  "",
  "985",
  "1.000,5",
  "Hello world",
  "Ranking of the member units",
  "café",
  "Café crème brûlée",
  "Où va-t-il ?",
  "Señor López",
  "Müller",
  "« Bonjour »",
  "©2023",
  "25°C",
  "½ điểm",
  "3 × 4 ½",
  "2020–2025",
  "Sở TT&TT",
  "Sở Thông tin và Truyền thông Điện Biên",
  "Cây cà phê",
  "Hòa Bình Hòa Vang",
  "Cà Mau",
  "Tây Ninh",
  "Hà Nội".normalize("NFD"),
  "Mường Khương".normalize("NFD"),
];

// Syllables built from the parts of Vietnamese spelling, kept when they are valid.
const SYLLABLES = (() => {
  const initials = ["", "b", "ch", "đ", "gi", "kh", "l", "ngh", "ng", "nh", "ph", "qu", "th", "tr", "x"];
  const vowels = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưa ưi ưu ua uơ iêu yêu " +
    "oai oay oeo uây uôi uya uyu ươi ươu iê yê oă oo uâ uô ươ uyê oa oe uê uy"
  ).split(" ");
  const finals = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
  const tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
  const found = new Set<string>();
  for (const i of initials)
    for (const v of vowels)
      for (const f of finals)
        for (const t of tones)
          for (let at = 1; at <= v.length; at++) {
            const word = (i + v.slice(0, at) + t + v.slice(at) + f).normalize("NFC");
            if (isViSyllable(word)) found.add(word);
          }
  return [...found];
})();
const WITH_MARKS = SYLLABLES.filter((w) => /[^a-z]/.test(w));
const phrase = (words: readonly string[]) =>
  fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 8 });
const RUNS = { numRuns: 1000, seed: 42 };

describe("legacyToUnicode", () => {
  it("decodes every TCVN3 code as glibc does", () => {
    for (const [byte, codePoint] of TCVN3_BYTES) {
      expect(legacyToUnicode(String.fromCharCode(byte), "tcvn3")).toBe(String.fromCodePoint(codePoint));
    }
    expect(TCVN3_BYTES).toHaveLength(74);
  });

  it("decodes every VNI letter", () => {
    expect(VNI_LETTERS).toHaveLength(134);
    for (const [letter, vni] of VNI_LETTERS) expect(legacyToUnicode(vni, "vni")).toBe(letter);
  });

  it("decodes real names", () => {
    for (const [unicode, tcvn3, vni] of NAMES) {
      expect(legacyToUnicode(tcvn3, "tcvn3")).toBe(unicode);
      expect(legacyToUnicode(vni, "vni")).toBe(unicode);
    }
    expect(legacyToUnicode("Xin chaøo", "vni")).toBe("Xin chào");
    expect(legacyToUnicode("Vieät Nam", "vni")).toBe("Việt Nam");
  });

  it("puts back the TCVN3 ư that a dropped soft hyphen lost", () => {
    expect(legacyToUnicode("Mêng Kh¬ng", "tcvn3")).toBe("Mường Khương");
    expect(legacyToUnicode("n­íc, níc, h¬u, th­ëng", "tcvn3")).toBe("nước, nước, hươu, thưởng");
    expect(legacyToUnicode("S¬n, thuë", "tcvn3")).toBe("Sơn, thuở");
  });

  it("restores TCVN3 capitals from the letters around them", () => {
    expect(legacyToUnicode("Së TTTT TØNH TØNH LµO CAI", "tcvn3")).toBe("SỞ TTTT TỈNH TỈNH LÀO CAI");
    expect(legacyToUnicode("Së TT&TT TØNH Lµo Cai", "tcvn3")).toBe("Sở TT&TT TỈNH Lào Cai");
    expect(legacyToUnicode("LÖ Thñy", "tcvn3")).toBe("Lệ Thủy");
    expect(legacyToUnicode("§IÖN BI£N", "tcvn3")).toBe("ĐIỆN BIÊN");
  });

  it("reads VNI capitals, also after Excel's PROPER()", () => {
    expect(legacyToUnicode("VIEÄT NAM", "vni")).toBe("VIỆT NAM");
    expect(legacyToUnicode("Aùnh Döông", "vni")).toBe("Ánh Dương");
  });

  it("leaves other characters alone and returns NFC", () => {
    expect(legacyToUnicode("STT 1.000 °C ± ²", "tcvn3")).toBe("STT 1.000 °C ± ²");
    expect(legacyToUnicode("Hµ Néi".normalize("NFD"), "tcvn3")).toBe("Hà Nội");
    expect(legacyToUnicode("Hµ Néi", "tcvn3").normalize("NFC")).toBe(legacyToUnicode("Hµ Néi", "tcvn3"));
    expect(legacyToUnicode("Ta ø", "vni")).toBe("Ta ø");
  });

  it("handles the boundaries", () => {
    expect(legacyToUnicode("", "tcvn3")).toBe("");
    expect(legacyToUnicode("", "vni")).toBe("");
    expect(legacyToUnicode("a", "vni")).toBe("a");
    expect(legacyToUnicode("aø", "vni")).toBe("à");
    expect(legacyToUnicode("😀aø", "vni")).toBe("😀à");
  });

  it("throws on a non-string, which is a programming error", () => {
    expect(() => legacyToUnicode(12 as unknown as string, "vni")).toThrow(TypeError);
  });

  it("round-trips VNI for any text in Vietnamese letters", () => {
    const letters = [
      ..."abcdđeghiklmnopqrstuvxyàảãáạăằẳẵắặâầẩẫấậèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ",
    ];
    const text = fc.string({
      unit: fc.constantFrom(...letters, ...letters.map((l) => l.toUpperCase()), " ", "&"),
    });
    fc.assert(
      fc.property(text, (s) => legacyToUnicode(unicodeToLegacy(s, "vni"), "vni") === s),
      RUNS,
    );
  });

  it("round-trips TCVN3 for Vietnamese phrases in small letters", () => {
    fc.assert(
      fc.property(phrase(SYLLABLES), (words) => {
        const text = words.join(" ");
        return legacyToUnicode(unicodeToLegacy(text, "tcvn3"), "tcvn3") === text;
      }),
      RUNS,
    );
  });
});

describe("unicodeToLegacy", () => {
  it("encodes as the fonts store it", () => {
    for (const [unicode, tcvn3, vni] of NAMES) {
      expect(unicodeToLegacy(unicode, "tcvn3")).toBe(tcvn3);
      expect(unicodeToLegacy(unicode, "vni")).toBe(vni);
    }
    for (const [letter, vni] of VNI_LETTERS) expect(unicodeToLegacy(letter, "vni")).toBe(vni);
    expect(unicodeToLegacy("Xin chào", "vni")).toBe("Xin chaøo");
  });

  it("writes TCVN3 capitals with a tone as small letters, which is all VN3 has", () => {
    expect(unicodeToLegacy("Ủy", "tcvn3")).toBe("ñy");
    expect(unicodeToLegacy("ĂÂÊÔƠƯĐ", "tcvn3")).toBe("¡¢£¤¥¦§");
  });

  it("handles the boundaries", () => {
    expect(unicodeToLegacy("", "vni")).toBe("");
    expect(unicodeToLegacy("Hà Nội".normalize("NFD"), "vni")).toBe("Haø Noäi");
    expect(unicodeToLegacy("ü ç 1", "tcvn3")).toBe("ü ç 1");
  });
});

describe("detectLegacy", () => {
  it("recognises real TCVN3 names", () => {
    for (const [, tcvn3] of NAMES) expect([tcvn3, detectLegacy(tcvn3)]).toEqual([tcvn3, "tcvn3"]);
    expect(detectLegacy("Cao B»ng")).toBe("tcvn3");
    expect(detectLegacy("Mêng Kh¬ng")).toBe("tcvn3");
    expect(detectLegacy("Së TTTT TØNH TØNH LµO CAI")).toBe("tcvn3");
  });

  it("recognises real VNI names", () => {
    for (const [, , vni] of NAMES) expect([vni, detectLegacy(vni)]).toEqual([vni, "vni"]);
    expect(detectLegacy("Xin chaøo")).toBe("vni");
    expect(detectLegacy("UÛY BAN NHAÂN DAÂN")).toBe("vni");
  });

  it("leaves Unicode, ASCII and other languages alone", () => {
    for (const text of NOT_LEGACY) expect([text, detectLegacy(text)]).toEqual([text, null]);
  });

  it("does not guess from too little", () => {
    expect(detectLegacy("TØNH")).toBeNull(); // one word
    expect(detectLegacy("Loïc")).toBeNull();
    // "Sôn La" is also valid Unicode Vietnamese as it stands ("sôn"); alone it cannot be told apart.
    expect(detectLegacy("Sôn La")).toBeNull();
  });

  it("throws on a non-string, which is a programming error", () => {
    expect(() => detectLegacy(null as unknown as string)).toThrow(TypeError);
  });

  it("recognises encoded Vietnamese phrases of three words or more", () => {
    fc.assert(
      fc.property(
        phrase(WITH_MARKS),
        fc.constantFrom("tcvn3" as const, "vni" as const),
        (words, encoding) => {
          const legacy = unicodeToLegacy(words.join(" "), encoding);
          // A legacy phrase that is itself valid Vietnamese as it stands ("trót quõm lén") cannot be told apart.
          fc.pre(!legacy.split(" ").every(isViSyllable));
          return detectLegacy(legacy) === encoding;
        },
      ),
      RUNS,
    );
  });

  it("never flags Unicode Vietnamese, composed or decomposed", () => {
    fc.assert(
      fc.property(phrase(SYLLABLES), fc.boolean(), fc.boolean(), (words, upper, nfd) => {
        const text = words.join(" ");
        const shown = upper ? text.toUpperCase() : text;
        return detectLegacy(nfd ? shown.normalize("NFD") : shown) === null;
      }),
      RUNS,
    );
  });
});
