/**
 * `steppe ner --conll FILE`: tag a CoNLL file with our NER model (issue 4).
 *
 * Reads one token a line (the token is the first of its space- or tab-separated columns), a blank
 * line between sentences, `-DOCSTART-` lines between documents (kept as they are); writes every
 * line back to stdout with the predicted BIO tag appended as the last column. A missing or
 * unreadable file, or one with no token line, is one line on stderr and exit status 1.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadNerModel, tagDocument, DEFAULT_NER_MODEL_DIR } from '../nlp/ner/index.js';

/** The result of tagging a CoNLL text: the output lines. */
export function tagConllText(text: string, modelDir: string = DEFAULT_NER_MODEL_DIR): string {
  const model = loadNerModel(modelDir);
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  // Group line indices into documents of sentences.
  const docs: number[][][] = [];
  let doc: number[][] = [];
  let sent: number[] = [];
  const endSentence = (): void => { if (sent.length) doc.push(sent); sent = []; };
  const endDocument = (): void => { endSentence(); if (doc.length) docs.push(doc); doc = []; };
  const cols = lines.map((l) => l.replace(/\r$/, '').trim().split(/\s+/));
  lines.forEach((l, i) => {
    if (!l.trim()) { endSentence(); return; }
    if (cols[i][0] === '-DOCSTART-') { endDocument(); return; }
    sent.push(i);
  });
  endDocument();
  if (!docs.length) throw new Error('no token lines (expected one token a line, blank lines between sentences)');
  const tags = new Array<string>(lines.length).fill('');
  for (const d of docs) {
    const pred = tagDocument(d.map((s) => s.map((i) => cols[i][0])), model);
    d.forEach((s, k) => s.forEach((i, j) => { tags[i] = pred[k][j]; }));
  }
  const sep = (l: string): string => (l.includes('\t') ? '\t' : ' ');
  return lines.map((raw, i) => {
    const l = raw.replace(/\r$/, '');
    if (!tags[i]) return l;
    return `${l.replace(/\s+$/, '')}${sep(l)}${tags[i]}`;
  }).join('\n') + '\n';
}

/** Add `steppe ner --conll FILE` to a commander program. */
export function registerNerCommand(program: Command): void {
  program
    .command('ner')
    .description('tag a CoNLL file (one token a line, blank line between sentences) with our NER model; prints each line with the predicted BIO tag appended')
    .requiredOption('--conll <file>', 'CoNLL file to tag (first column: the token)')
    .option('--model <dir>', 'model folder', DEFAULT_NER_MODEL_DIR)
    .action((opts: { conll: string; model: string }) => {
      let text: string;
      try {
        text = readFileSync(opts.conll, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        process.stderr.write(`steppe: ${opts.conll}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a CoNLL file' : `cannot read (${code ?? e})`}\n`);
        process.exitCode = 1;
        return;
      }
      if (text.includes('\u0000')) {
        process.stderr.write(`steppe: ${opts.conll}: binary data, not a CoNLL file\n`);
        process.exitCode = 1;
        return;
      }
      let out: string;
      try {
        out = tagConllText(text, opts.model);
      } catch (e) {
        process.stderr.write(`steppe: ${opts.conll}: ${(e as Error).message.split('\n')[0]}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(out);
    });
}
