using Grpc.Core;

namespace Dispatch.Api.Security;

/// <summary>
/// gRPC health checking and server reflection: served without a token, limits or audit, since
/// they carry no patient data and load balancers and tools need them.
/// </summary>
public static class OpenMethods
{
    public static bool Contains(ServerCallContext context) => context.Method.StartsWith("/grpc.", StringComparison.Ordinal);
}
