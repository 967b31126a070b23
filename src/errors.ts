/**
 * Errors with a stable code and a one-line message naming the input and the reason
 * (DESIGN.md, model 10). The CLI prints `steppe: <input>: <message>` and moves on.
 */
export type ErrorCode =
  | 'E_NOT_FOUND'
  | 'E_EMPTY'
  | 'E_BINARY'
  | 'E_FETCH'
  | 'E_NO_ARTICLE'
  | 'E_LANGUAGE'
  | 'E_BAD_INPUT'
  | 'E_TOO_LARGE'
  | 'E_BAD_DICTIONARY'
  | 'E_STORE';

export class SteppeError extends Error {
  /** Stable error code, e.g. `E_EMPTY`. */
  readonly code: ErrorCode;
  /** The input the error is about (path, URL, jsonl id), or null when global. */
  readonly input: string | null;
  constructor(code: ErrorCode, input: string | null, message: string) {
    super(message);
    this.name = 'SteppeError';
    this.code = code;
    this.input = input;
  }
  /** One line: `<input>: <message>`. */
  toLine(): string {
    return this.input ? `${this.input}: ${this.message}` : this.message;
  }
}
