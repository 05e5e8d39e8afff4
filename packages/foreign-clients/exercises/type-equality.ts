/**
 * Compile-time assertions on generated types, copied beside each generated client at test time: a
 * generated type that is wider or narrower than the spec says fails `tsc`, naming the line.
 */

/** `true` only when `A` and `B` are the same type (`any` and `unknown` equal nothing else). */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * Compiles only when `A` and `B` are the same type.
 *
 * @example
 * sameType<IpAddress, string>(true);
 */
export function sameType<A, B>(_proof: Equals<A, B>): void {}

/** `true` only when `T` is `any`. */
export type IsAny<T> = 0 extends 1 & T ? true : false;
