import { ensureBuild } from "@/server/start/build";

await ensureBuild({ force: true, log: (message) => console.log(message) });
