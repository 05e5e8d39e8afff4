import { describe, expect, test } from "vitest";
import { distinctCount, listPositions, listQuestions, PAGE_SIZES } from "./questions.js";

describe("listQuestions", () => {
  test("asks every base at limit 100 before asking any at 99", () => {
    expect(listQuestions(["subuser=sub_a", "subuser=sub_b"], 5)).toEqual([
      "/v1/residential/sessions?subuser=sub_a&limit=100",
      "/v1/residential/sessions?subuser=sub_b&limit=100",
      "/v1/residential/sessions?subuser=sub_a&limit=99",
      "/v1/residential/sessions?subuser=sub_b&limit=99",
      "/v1/residential/sessions?subuser=sub_a&limit=98",
    ]);
  });

  test("asks nothing twice up to PAGE_SIZES rounds of its bases, then starts over", () => {
    const bases = ["repinned=true", "repinned=true&cursor=c1", "repinned=true&cursor=c2"];
    const rounds = listQuestions(bases, bases.length * PAGE_SIZES);
    expect(distinctCount(rounds)).toBe(rounds.length);
    expect(rounds.at(-1)).toBe(`/v1/residential/sessions?repinned=true&cursor=c2&limit=${101 - PAGE_SIZES}`);
    expect(listQuestions(bases, bases.length * PAGE_SIZES + 1).at(-1)).toBe(rounds[0]);
  });

  test("asks about another product's sessions when told to", () => {
    expect(listQuestions(["subuser=sub_a"], 1, "mobile")).toEqual([
      "/v1/mobile/sessions?subuser=sub_a&limit=100",
    ]);
  });

  test("asks about the whole list when a base is empty", () => {
    expect(listQuestions([""], 1)).toEqual(["/v1/residential/sessions?limit=100"]);
  });

  test("needs a base", () => {
    expect(() => listQuestions([], 1)).toThrow(/no bases/);
  });
});

describe("listPositions", () => {
  // a list of `size` sessions whose cursor after session n is "n"
  const list = (size: number) => {
    const asked: string[] = [];
    const fetchPage = async (path: string) => {
      asked.push(path);
      const query = new URLSearchParams(path.split("?")[1]);
      const from = Number(query.get("cursor") ?? 0);
      const to = Math.min(size, from + Number(query.get("limit")));
      return { data: Array.from({ length: to - from }), next_cursor: to < size ? String(to) : null };
    };
    return { asked, fetchPage };
  };

  test("walks to the depth in pages of up to 200, then takes one position per session", async () => {
    const { asked, fetchPage } = list(1_000);
    expect(await listPositions(fetchPage, "region=us", 450, 3)).toEqual([
      "region=us&cursor=450",
      "region=us&cursor=451",
      "region=us&cursor=452",
    ]);
    expect(asked).toEqual([
      "/v1/residential/sessions?region=us&limit=200",
      "/v1/residential/sessions?region=us&cursor=200&limit=200",
      "/v1/residential/sessions?region=us&cursor=400&limit=50",
      "/v1/residential/sessions?region=us&cursor=450&limit=1",
      "/v1/residential/sessions?region=us&cursor=451&limit=1",
    ]);
  });

  test("starts at the top of the list without a cursor", async () => {
    const { fetchPage } = list(10);
    expect(await listPositions(fetchPage, "repinned=true", 0, 2)).toEqual([
      "repinned=true",
      "repinned=true&cursor=1",
    ]);
    expect(await listPositions(fetchPage, "", 0, 2)).toEqual(["", "cursor=1"]);
  });

  test("stops at the last session, every position still listing one", async () => {
    const { fetchPage } = list(3);
    expect(await listPositions(fetchPage, "", 0, 10)).toEqual(["", "cursor=1", "cursor=2"]);
  });

  test("fails when the list ends above the depth", async () => {
    const { fetchPage } = list(100);
    await expect(listPositions(fetchPage, "asn=1", 150, 1)).rejects.toThrow(
      'the list of "asn=1" ends after 100 sessions, above 150',
    );
  });
});
