import { describe, expect, test } from "vitest";
import { applyOverlay, assertOverlay, type Overlay } from "./overlay.js";

const overlayOf = (actions: Overlay["actions"]): Overlay => ({
  overlay: "1.0.0",
  info: { title: "test", version: "1" },
  actions,
});

describe("applyOverlay", () => {
  const document = { info: { title: "A", contact: { name: "x", url: "u" } }, tags: [{ name: "t" }] };

  test("merges an update into the target object, recursively, and leaves the input alone", () => {
    const result = applyOverlay(
      document,
      overlayOf([{ target: "$.info", update: { title: "B", contact: { name: "y" } } }]),
    );
    expect(result.info).toEqual({ title: "B", contact: { name: "y", url: "u" } });
    expect(document.info.title).toBe("A");
  });

  test("appends an update to a target array, and removes targets marked remove", () => {
    const result = applyOverlay(
      document,
      overlayOf([
        { target: "$.tags", update: { name: "u" } },
        { target: "$.info.contact", remove: true },
      ]),
    );
    expect(result.tags).toEqual([{ name: "t" }, { name: "u" }]);
    expect(result.info).toEqual({ title: "A" });
  });

  test("fails naming the action when an update cannot merge into its target", () => {
    expect(() => applyOverlay(document, overlayOf([{ target: "$.info.title", update: { a: 1 } }]))).toThrow(
      /overlay action 0 \(target \$\.info\.title\)/,
    );
  });
});

describe("assertOverlay", () => {
  test.each([
    [{ overlay: "2.0.0", info: { title: "t", version: "1" }, actions: [] }, /Unsupported overlay version/],
    [{ overlay: "1.0.0", info: { title: "t" }, actions: [] }, /info needs a title and a version/],
    [
      { overlay: "1.0.0", info: { title: "t", version: "1" }, actions: [{}] },
      /action 0 needs a string target/,
    ],
  ])("rejects %j", (value, message) => {
    expect(() => assertOverlay(value)).toThrow(message);
  });
});
