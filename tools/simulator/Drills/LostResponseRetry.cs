using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// Gives each unary call without a deadline one per attempt, and tries it again when that passes.
/// Kestrel on ASP.NET Core 10.0.12 occasionally completes a request and never sends its response
/// (dotnet/aspnetcore#53736; seen here once in a smoke drill, whose summary then waited for ever).
/// Every drill command carries its id, so an attempt that did reach the engine cannot apply twice.
/// </summary>
public sealed class LostResponseRetry(TimeSpan attemptDeadline, int attempts, TimeProvider time) : Interceptor
{
    /// <summary>Far longer than any drill call takes, even flat out in stress mode.</summary>
    public static readonly TimeSpan DefaultAttemptDeadline = TimeSpan.FromSeconds(30);

    public const int DefaultAttempts = 3;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (context.Options.Deadline is not null)
        {
            return continuation(request, context);
        }

        AsyncUnaryCall<TResponse>? current = null;
        async Task<TResponse> Attempts()
        {
            for (var attempt = 1; ; attempt++)
            {
                var options = context.Options.WithDeadline(time.GetUtcNow().UtcDateTime + attemptDeadline);
                current?.Dispose();
                current = continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
                try
                {
                    return await current.ResponseAsync;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded && attempt < attempts && !context.Options.CancellationToken.IsCancellationRequested)
                {
                    // Lost on the way back (or an engine stalled for the whole deadline): asked again.
                }
            }
        }

        // The headers are those of the attempt that answered.
        async Task<Metadata> HeadersOfTheAnswer(Task<TResponse> answered)
        {
            await answered.ConfigureAwait(false);
            return await current!.ResponseHeadersAsync.ConfigureAwait(false);
        }

        var response = Attempts();
        return new AsyncUnaryCall<TResponse>(response, HeadersOfTheAnswer(response),
            () => current!.GetStatus(), () => current!.GetTrailers(), () => current?.Dispose());
    }
}
