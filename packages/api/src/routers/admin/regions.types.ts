export {
  ZContactFrequencies,
  ZContactFrequenciesResponse,
  ZSetContactFrequenciesRequest,
  ZSetContactFrequenciesResponse,
} from "../waiting-list/waiting-list.types";
