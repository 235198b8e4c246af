/**
 * jsdom has no canvas; uPlot needs a 2D context to lay out axes and draw. For tests only: a context
 * whose drawing calls do nothing, whose properties can be set, and whose text has a width.
 */
export function stubCanvas(): () => void {
  const original = HTMLCanvasElement.prototype.getContext;
  const context = () => {
    const state: Record<string | symbol, unknown> = {
      measureText: (text: string) => ({
        width: text.length * 6,
        actualBoundingBoxAscent: 8,
        actualBoundingBoxDescent: 2,
      }),
    };
    return new Proxy(state, {
      get: (target, key) => (key in target ? target[key] : () => undefined),
      set: (target, key, value) => {
        target[key] = value;
        return true;
      },
    });
  };
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    writable: true,
    value: context,
  });
  const hadPath2D = 'Path2D' in globalThis;
  if (!hadPath2D) {
    // uPlot builds its line paths as Path2D objects; every path method is a no-op here.
    const noop = () => undefined;
    Object.assign(globalThis, {
      Path2D: class {
        constructor() {
          return new Proxy(this, { get: () => noop });
        }
      },
    });
  }
  return () => {
    if (!hadPath2D) {
      delete (globalThis as { Path2D?: unknown }).Path2D;
    }
    Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
      configurable: true,
      writable: true,
      value: original,
    });
  };
}
