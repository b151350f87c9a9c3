using Dispatch.Grains.Regions;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Api.Security;

/// <summary>Refuses a call whose role may not use the method, or a coordinator token for another region.</summary>
public sealed class AccessInterceptor(RegionCatalog catalog) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        if (OpenMethods.Contains(context))
        {
            return;
        }

        var caller = Caller.Of(context);
        if (!context.GetHttpContext().User.Identity?.IsAuthenticated ?? true)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "a bearer token is required (see the README: development tokens)"));
        }

        if (!AccessPolicy.Allows(context.Method, caller.Role))
        {
            throw Caller.Denied($"role '{caller.Role}' may not call {context.Method}");
        }

        if (caller.Role == DispatchRoles.Coordinator && caller.Region != catalog.Region.Name)
        {
            throw Caller.Denied($"a coordinator token for region '{caller.Region}' cannot act in '{catalog.Region.Name}'");
        }

        if ((caller.Role == DispatchRoles.Crew && caller.AmbulanceId is null) || (caller.Role == DispatchRoles.Hospital && caller.HospitalId is null))
        {
            throw Caller.Denied($"a {caller.Role} token must name its {(caller.Role == DispatchRoles.Crew ? "ambulance" : "hospital")}");
        }
    }
}
