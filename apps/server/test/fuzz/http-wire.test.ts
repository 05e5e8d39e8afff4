import { describe, expect, test } from "vitest";
import { AnswerReader, chunked, parseRequestHead, serializeRequest } from "./http-wire.js";

const read = (bytes: string, isHead: (index: number) => boolean = () => false, chunkSize = 7) => {
  const reader = new AnswerReader(isHead);
  const buffer = Buffer.from(bytes, "latin1");
  // as it may arrive: in pieces that split heads, chunk sizes and bodies anywhere
  for (let at = 0; at < buffer.length; at += chunkSize) reader.feed(buffer.subarray(at, at + chunkSize));
  reader.end();
  return reader;
};

describe("AnswerReader", () => {
  test("reads pipelined answers framed by length and by chunks, in order", () => {
    const reader = read(
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi" +
        "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
    );
    expect(reader.problem).toBeUndefined();
    expect(reader.answers.map((answer) => [answer.status, answer.body.toString()])).toEqual([
      [200, "hi"],
      [404, "abcde"],
    ]);
  });

  test("skips interim answers, reads a body framed by the close, and none for HEAD or 204", () => {
    const reader = read(
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nuntil the end",
      (index) => index === 0,
    );
    expect(reader.answers.map((answer) => [answer.status, answer.body.toString()])).toEqual([
      [200, ""],
      [204, ""],
      [400, "until the end"],
    ]);
  });

  test("says so when the connection closes in the middle of an answer", () => {
    expect(read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab").problem).toMatch(/closed in the middle/);
    expect(read("not http\r\n\r\n").problem).toMatch(/not an HTTP\/1.1 status line/);
  });

  test("gives the answer to a HEAD it could not read as one its body", () => {
    const reader = read("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\n{}", () => true);
    expect(reader.problem).toBeUndefined();
    expect(reader.answers[0]?.body.toString()).toBe("{}");
  });
});

describe("serializeRequest and parseRequestHead", () => {
  test("write and read the same request, broken header lines included", () => {
    const request = {
      method: "POST",
      target: "/sandbox/clock/advance?x=1",
      version: "HTTP/1.1",
      headers: [
        ["Host", "127.0.0.1:8080"],
        ["no colon", null],
      ] as [string, string | null][],
      body: chunked(Buffer.from('{"seconds":60}'), 4),
    };
    const bytes = serializeRequest(request);
    expect(bytes.toString("latin1")).toContain('no colon\r\n\r\n4\r\n{"se\r\n');
    expect(parseRequestHead(bytes)).toEqual(request);
  });

  test("reads no request from a head that is not whole", () => {
    expect(parseRequestHead(Buffer.from("GET / HTTP/1.1\r\nHost: x\r\n"))).toBeUndefined();
  });
});
