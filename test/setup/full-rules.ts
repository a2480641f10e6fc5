/**
 * Jest runs the engine as the CLI and the pane do: with the full rules schema explaining invalid
 * rules (the add-in's first load leaves it out until needed; test/core/rules-check-properties
 * covers that path).
 */
import { useFullRulesSchema } from "../../src/core/rules-schema";

useFullRulesSchema();
