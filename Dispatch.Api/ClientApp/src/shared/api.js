// gRPC-Web clients for the engine's own services: the pages go through the same authentication,
// access rules, audit and limits as every other client.
import { createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { RegionService, HospitalService } from "../gen/region_pb.js";
import { CaseService } from "../gen/cases_pb.js";
import { CoordinatorService } from "../gen/coordinator_pb.js";
import { EcgService } from "../gen/ecg_pb.js";
import { EcgReadingService } from "../gen/ecg_reading_pb.js";
import { RoutingService } from "../gen/routing_pb.js";

export function connect(token) {
  const transport = createGrpcWebTransport({
    baseUrl: location.origin,
    interceptors: [(next) => async (request) => {
      request.header.set("Authorization", `Bearer ${token}`);
      return next(request);
    }],
  });
  return {
    region: createClient(RegionService, transport),
    hospital: createClient(HospitalService, transport),
    cases: createClient(CaseService, transport),
    coordinator: createClient(CoordinatorService, transport),
    ecg: createClient(EcgService, transport),
    reading: createClient(EcgReadingService, transport),
    routing: createClient(RoutingService, transport),
  };
}

// A short id for commands, so that a retried click is recorded once.
export function commandId(prefix) {
  return `${prefix}-${crypto.randomUUID()}`;
}
