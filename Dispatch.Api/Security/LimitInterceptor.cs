using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Api.Security;

/// <summary>
/// After authentication: the caller's call rate, its number of open streams, and the shape of
/// the request (string lengths, repeated counts). Crew-stream messages are checked one by one
/// by the crew connection, so that one bad message does not end the stream.
/// </summary>
public sealed class LimitInterceptor(IdentityLimits limits) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(request, context);
        return continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(request, context);
        using var stream = OpenStream(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(null, context);
        using var stream = OpenStream(context);
        await continuation(requestStream, responseStream, context);
    }

    private void Admit(object? request, ServerCallContext context)
    {
        if (OpenMethods.Contains(context))
        {
            return;
        }

        limits.TakeCall(Caller.Of(context));
        if (request is IMessage message)
        {
            MessageShape.Check(message, limits.Options);
        }
    }

    private IDisposable? OpenStream(ServerCallContext context) => OpenMethods.Contains(context) ? null : limits.OpenStream(Caller.Of(context));
}
