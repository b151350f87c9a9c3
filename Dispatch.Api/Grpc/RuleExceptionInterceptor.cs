using Dispatch.Contracts.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Api.Grpc;

/// <summary>
/// Turns a refused command into the gRPC status a client can act on, with the domain's message,
/// and an unreachable silo or store into Unavailable. Services stay free of try/catch.
/// </summary>
public sealed class RuleExceptionInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RuleException e)
        {
            throw ToRpc(e);
        }
        catch (Exception e) when (InfrastructureFailure.ToRpc(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (RuleException e)
        {
            throw ToRpc(e);
        }
        catch (Exception e) when (InfrastructureFailure.ToRpc(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (RuleException e)
        {
            throw ToRpc(e);
        }
        catch (Exception e) when (InfrastructureFailure.ToRpc(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public static RpcException ToRpc(RuleException e) => new(new Status(e.Violation switch
    {
        RuleViolation.InvalidArgument => StatusCode.InvalidArgument,
        RuleViolation.IllegalTransition => StatusCode.FailedPrecondition,
        RuleViolation.NotFound => StatusCode.NotFound,
        RuleViolation.AlreadyExists => StatusCode.AlreadyExists,
        RuleViolation.CommandIdConflict => StatusCode.AlreadyExists,
        _ => StatusCode.Unknown,
    }, e.Message));
}
