export { type ArrivedHandover, fetchHandover, startPartnerConsumer } from "./partner-consumer";
