// The parts of two untyped XML libraries the DMN interop uses.

declare module 'dmn-moddle' {
  export class DmnModdle {
    constructor();
    fromXML(
      xml: string,
      type: string,
    ): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
  }
}

declare module 'saxen' {
  export class Parser {
    constructor(options?: { proxy?: boolean });
    on(
      event: 'openTag',
      fn: (
        name: string,
        attrs: () => Record<string, string>,
        decode: (s: string) => string,
        selfClosing: boolean,
      ) => void,
    ): void;
    on(event: 'closeTag', fn: (name: string) => void): void;
    on(event: 'text', fn: (value: string, decode: (s: string) => string) => void): void;
    on(event: 'error' | 'warn', fn: (err: Error) => void): void;
    parse(xml: string): void;
  }
}
