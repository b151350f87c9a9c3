using System.Runtime.CompilerServices;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>Reading a client's side of a stream to its end, which is either its last message or the client hanging up.</summary>
public static class CrewStreamReading
{
    /// <summary>
    /// The stream's messages until the client completes it or hangs up. A client that hangs up
    /// (a crew's cancelled call, a dropped connection) resets the stream, and the next read fails
    /// with "the client reset the request stream", often before the call's cancellation is
    /// signalled. That is the end of the stream, not a fault of the service: left to escape, gRPC
    /// logged it as an error with a stack trace, thousands at once when a fleet's crews hung up.
    /// </summary>
    public static async IAsyncEnumerable<T> UntilHangUp<T>(this IAsyncStreamReader<T> reader, [EnumeratorCancellation] CancellationToken cancellation)
    {
        while (true)
        {
            bool more;
            try
            {
                more = await reader.MoveNext(cancellation);
            }
            catch (IOException)
            {
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            yield return reader.Current;
        }
    }
}
