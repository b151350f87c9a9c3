using Grpc.Core;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Dispatch.Api.Grpc;

/// <summary>
/// A call that failed because part of the engine could not be reached (a silo being replaced,
/// Redis down) is not the caller's fault and not confirmed: it is answered Unavailable, saying so,
/// so the client retries with the same command id instead of taking it as done or refused.
/// </summary>
public static class InfrastructureFailure
{
    public static RpcException? ToRpc(Exception e)
    {
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            if (cause is InconsistentStateException)
            {
                return new RpcException(new Status(StatusCode.Aborted,
                    "the record was changed elsewhere at the same moment (a silo was being replaced); nothing was confirmed: retry with the same command id"));
            }

            var type = cause is UnavailableExceptionFallbackException fallback ? fallback.ExceptionType : cause.GetType().FullName;
            if (cause is OrleansException or TimeoutException || type?.StartsWith("StackExchange.Redis.", StringComparison.Ordinal) == true ||
                type?.StartsWith("Orleans.", StringComparison.Ordinal) == true)
            {
                return new RpcException(new Status(StatusCode.Unavailable,
                    $"the engine could not reach a silo or its storage ({type?.Split('.')[^1]}); nothing was confirmed: retry with the same command id"));
            }
        }

        return null;
    }
}
