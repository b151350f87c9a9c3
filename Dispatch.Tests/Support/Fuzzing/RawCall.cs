using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Dispatch.Tests.Support.Fuzzing;

/// <summary>Methods that carry bytes as they are, so that damaged messages reach the server undamaged by the client.</summary>
internal static class RawCall
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static Method<byte[], byte[]> For(MethodDescriptor method) => new(
        method.IsClientStreaming ? MethodType.DuplexStreaming : method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
        method.Service.FullName, method.Name, Bytes, Bytes);
}
