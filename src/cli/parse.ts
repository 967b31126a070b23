/**
 * `steppe parse --conllu FILE [--gold-pos] [--model DIR]`: dependency-parse a CoNLL-U file and
 * print it back to stdout with the predicted HEAD and DEPREL (columns 7 and 8). Comments,
 * multiword-token lines and empty nodes are kept as read. The parser is given wink-nlp's UPOS
 * tags for the sentence text (as at run time); `--gold-pos` gives it the file's UPOS instead
 * (wink's where the column is `_`), used as they are (the model's retagger is bypassed). A UPOS
 * column that is `_` is filled with wink's tags.
 *
 * Errors: one line `steppe: FILE: reason` on stderr and exit status 1.
 */
import type { Command } from 'commander';
import { SteppeError } from '../errors.js';

interface ParseOpts {
  conllu: string;
  goldPos?: boolean;
  model?: string;
}

/** Add `steppe parse` to the program. */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('dependency-parse a CoNLL-U file: prints it with predicted HEAD and DEPREL (columns 7 and 8)')
    .requiredOption('--conllu <file>', 'CoNLL-U file to parse (its words are kept; multiword tokens and empty nodes are copied)')
    .option('--gold-pos', "use the file's UPOS column instead of wink-nlp's tags (wink's where it is _)")
    .option('--model <dir>', 'parser model folder (default: the committed models/parser)')
    .action(async (opts: ParseOpts) => {
      process.exitCode = await runParse(opts);
    });
}

async function runParse(opts: ParseOpts): Promise<number> {
  try {
    const parser = await import('../nlp/parser/index.js');
    const sents = parser.readConlluFile(opts.conllu);
    let model;
    try {
      model = parser.loadParserModel(opts.model);
    } catch (e) {
      throw new SteppeError('E_NOT_FOUND', opts.model ?? parser.DEFAULT_PARSER_DIR, (e as Error).message.replace(/^parser: /, ''));
    }
    const needWink = sents.map((s) => !opts.goldPos || s.words.some((w) => w.upos === '_'));
    const winkTags = parser.tagWithWink(sents.filter((_, i) => needWink[i]));
    let k = 0;
    const tags = sents.map((s, i) => {
      const wink = needWink[i] ? winkTags[k++] : null;
      return s.words.map((w, j) => (opts.goldPos && w.upos !== '_' ? w.upos : (wink as string[])[j]));
    });
    // the file's own tags are final: the model's retagger (trained on wink's tags) is bypassed for them
    const parses = sents.map((s, i) => model.parse(s.words.map((w) => w.form), tags[i], { retag: !(opts.goldPos && !needWink[i]) }));
    process.stdout.write(parser.writeConllu(sents, parses, tags));
    return 0;
  } catch (e) {
    const line = e instanceof SteppeError ? e.toLine() : `${opts.conllu}: ${(e as Error).message}`;
    process.stderr.write(`steppe: ${line}\n`);
    return 1;
  }
}
