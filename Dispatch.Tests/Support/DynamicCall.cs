using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Tests.Support;

/// <summary>
/// Calls any API method by its descriptor with a JSON request, as a generic client would, and
/// says how it ended: OK (a unary reply, or a stream's first message) or the gRPC status.
/// </summary>
internal static class DynamicCall
{
    public static async Task<(StatusCode Code, string Detail)> Invoke(GrpcChannel channel, MethodDescriptor method, string json)
    {
        var request = JsonParser.Default.Parse(json, method.InputType);
        var grpcMethod = new Method<IMessage, IMessage>(TypeOf(method), method.Service.FullName, method.Name,
            Marshaller(request.Descriptor.Parser), Marshaller(method.OutputType.Parser));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var options = new CallOptions(cancellationToken: limit.Token);
        try
        {
            switch (grpcMethod.Type)
            {
                case MethodType.Unary:
                    await channel.CreateCallInvoker().AsyncUnaryCall(grpcMethod, null, options, request);
                    return (StatusCode.OK, "");
                case MethodType.ServerStreaming:
                    using (var stream = channel.CreateCallInvoker().AsyncServerStreamingCall(grpcMethod, null, options, request))
                    {
                        return await stream.ResponseStream.MoveNext(limit.Token) ? (StatusCode.OK, "") : (StatusCode.OK, "empty stream");
                    }

                default:
                    using (var duplex = channel.CreateCallInvoker().AsyncDuplexStreamingCall(grpcMethod, null, options))
                    {
                        try
                        {
                            await duplex.RequestStream.WriteAsync(request);
                        }
                        catch (Exception e) when (e is RpcException or InvalidOperationException)
                        {
                            // The server may end the call before reading; its status is on the response side.
                        }

                        return await duplex.ResponseStream.MoveNext(limit.Token) ? (StatusCode.OK, "") : (StatusCode.OK, "empty stream");
                    }
            }
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.Status.Detail);
        }
    }

    private static MethodType TypeOf(MethodDescriptor method) => (method.IsClientStreaming, method.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (false, true) => MethodType.ServerStreaming,
        (true, false) => MethodType.ClientStreaming,
        _ => MethodType.DuplexStreaming,
    };

    private static Marshaller<IMessage> Marshaller(MessageParser parser) =>
        Marshallers.Create<IMessage>(message => message.ToByteArray(), parser.ParseFrom);
}
