// Spectral function: a response that has a body must carry an example of it in every media type.
export default (response, _options, context) => {
  const problems = [];
  for (const [mediaType, media] of Object.entries(response?.content ?? {})) {
    const hasExample = media?.example !== undefined || Object.keys(media?.examples ?? {}).length > 0;
    if (!hasExample) {
      problems.push({
        message: `Response ${context.path.slice(1).join(" ")} (${mediaType}) has no example.`,
        path: [...context.path, "content", mediaType],
      });
    }
  }
  return problems;
};
