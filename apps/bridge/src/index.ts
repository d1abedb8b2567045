export { type BridgeLogger, type BridgeTask, type RunningBridge, startBridge } from "./bridge";
