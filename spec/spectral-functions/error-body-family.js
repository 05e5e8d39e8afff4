// Spectral function: each 4xx/5xx response of a path must use the error schema of the path's family.
// It reads the resolved document, where a schema's `title` survives $ref resolution.
const familyOf = (path) =>
  path.startsWith("/app/") || path.startsWith("/sandbox/app/") ? "AppError" : "GatewayError";

export default (pathItem, _options, context) => {
  const path = String(context.path[context.path.length - 1]);
  const expected = familyOf(path);
  const problems = [];
  for (const [method, operation] of Object.entries(pathItem ?? {})) {
    if (!operation || typeof operation !== "object" || !("responses" in operation)) continue;
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      if (!/^[45]/.test(status)) continue;
      const media = response?.content?.["application/json"];
      const title = media?.schema?.title;
      if (title !== expected) {
        problems.push({
          message: `${method.toUpperCase()} ${path} ${status} must use ${expected} as its application/json body (found ${title ?? "none"}).`,
          path: [...context.path, method, "responses", status],
        });
      }
    }
  }
  return problems;
};
