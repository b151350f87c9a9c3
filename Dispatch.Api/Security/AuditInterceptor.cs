using Dispatch.Grains.Audit;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Api.Security;

/// <summary>
/// Records every call to the API in the audit trail, allowed or refused: who (token subject and
/// role), when, which method, the case, hospital or ambulance it names, and how it ended. Streams
/// are recorded when they end; what they delivered is recorded by the services that write it.
/// </summary>
public sealed class AuditInterceptor(IAuditTrail audit, TimeProvider time) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var response = default(TResponse)!;
        await Audited(context, request, async () => response = await continuation(request, context));
        return response;
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        Audited(context, request, () => continuation(request, responseStream, context));

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        Audited(context, null, () => continuation(requestStream, responseStream, context));

    /// <summary>Runs the call and records it however it ends: its status, or Unknown with the exception's type.</summary>
    private async Task Audited(ServerCallContext context, object? request, Func<Task> call)
    {
        var status = StatusCode.OK;
        var detail = (string?)null;
        try
        {
            await call();
        }
        catch (RpcException e)
        {
            (status, detail) = (e.StatusCode, e.Status.Detail);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (status, detail) = (StatusCode.Unknown, e.GetType().Name);
            throw;
        }
        finally
        {
            Record(context, request, status, detail);
        }
    }

    private void Record(ServerCallContext context, object? request, StatusCode status, string? detail)
    {
        if (OpenMethods.Contains(context))
        {
            return;
        }

        var caller = Caller.Of(context);
        var message = request as IMessage;
        audit.Record(new AuditEntry(time.GetUtcNow(), caller.Subject, caller.Role.Length > 0 ? caller.Role : "none",
            context.Method.TrimStart('/').Replace("dispatch.v1.", "", StringComparison.Ordinal),
            Field(message, "case_id"), Field(message, "hospital_id") ?? Field(message, "ambulance_id"), status.ToString(), detail));
    }

    /// <summary>A top-level id the request names, cut to the length limit (an oversize id is itself refused).</summary>
    private static string? Field(IMessage? message, string name) =>
        message?.Descriptor.FindFieldByName(name) is { FieldType: FieldType.String } field &&
        field.Accessor.GetValue(message) is string { Length: > 0 } value
            ? value[..Math.Min(value.Length, 128)]
            : null;
}
