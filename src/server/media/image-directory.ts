import path from "node:path";
import { config } from "../config";

/** Where uploaded images are kept: DATA_DIR/images. */
export const imageDirectory = () => path.join(config().dataDir, "images");
