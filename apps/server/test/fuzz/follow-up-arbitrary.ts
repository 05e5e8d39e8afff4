/**
 * Follow-ups: a request the sandbox seeding made, sent again with one of its parameters set to a value
 * its own answer gave for it (the next cursor, an id of a listed session), as is or changed inside.
 */
import fc from "fast-check";
import type { FuzzCase } from "./exchange.js";
import type { RequestContext } from "./request-arbitrary.js";
import { type SpecRequest, toWireRequest } from "./spec-request.js";
import type { SpecParameter } from "./spec-walk.js";
import { mutatedToken } from "./token-mutation.js";

/** A request the sandbox seeding made, with a value its answer gave for one of its own parameters. */
export interface FollowUp {
  request: SpecRequest;
  parameter: SpecParameter;
  value: string;
}

/**
 * A request the seeding made, again, with one of its parameters set to a value its answer gave (a
 * cursor, an id), as is or changed: the next page, a forged cursor, a filter on what was listed.
 *
 * @example
 * followUpCaseArbitrary(context, () => followUps);
 */
export function followUpCaseArbitrary(
  context: RequestContext,
  followUps: () => readonly FollowUp[],
): fc.Arbitrary<FuzzCase | undefined> {
  return fc.tuple(fc.nat(), fc.nat({ max: 9 })).chain(([index, how]) => {
    const list = followUps();
    const followUp = list[index % Math.max(1, list.length)];
    if (followUp === undefined) return fc.constant(undefined);
    const value = how < 4 ? fc.constant(followUp.value) : mutatedToken(followUp.value);
    return value.map((text): FuzzCase => {
      const { request, parameter } = followUp;
      const next: SpecRequest =
        parameter.in === "path"
          ? { ...request, path: { ...request.path, [parameter.name]: text } }
          : {
              ...request,
              query: [...request.query.filter(([name]) => name !== parameter.name), [parameter.name, text]],
            };
      return {
        label: "follow-up request",
        requests: [toWireRequest(next, context.host)],
        tail: Buffer.alloc(0),
        ending: "answers",
        wellFormed: true,
      };
    });
  });
}
