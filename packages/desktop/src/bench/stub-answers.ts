// The stub client's answers for the samples' first views (see ../page/stub-desktop.ts): what a
// backend would say on an engine with one volume, so a tab renders its data path, not an error.
export const stubAnswers: Record<string, unknown> = {
  "GET /volumes": {
    engineVersion: "29.1.0",
    volumes: [
      {
        name: "bench_data",
        driver: "local",
        createdAt: "2026-12-01T10:00:00Z",
        labels: { "com.docker.compose.project": "bench" },
        composeProject: "bench",
        usedBy: [],
        scan: null,
      },
    ],
  },
  "GET /state": { pinned: [], notes: {} },
  "GET /hello": { message: "Hello, world!" },
};
