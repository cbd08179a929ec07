// `node --import` this file to have report-tokenizer-loads.mjs watch what the process loads.
import { register } from "node:module";

register("./report-tokenizer-loads.mjs", import.meta.url);
