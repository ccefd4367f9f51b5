/** An Apps Script service error: Apps Script logs these as "Exception: <message>". */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}
