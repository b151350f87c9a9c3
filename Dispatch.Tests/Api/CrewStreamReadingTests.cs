using Dispatch.Api.Grpc;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Api;

/// <summary>
/// How the engine and stress mode's sink read a crew's stream: to its end, which a crew hanging up
/// is too (its reset stream's read fails before its call is cancelled), while any other failure
/// still fails the call.
/// </summary>
public sealed class CrewStreamReadingTests
{
    [Fact]
    public async Task ACrewHangingUp_EndsTheStream_AfterEveryMessageItSent()
    {
        var read = new List<string>();

        await foreach (var message in new HangingUpReader<string>("hello", "gps").UntilHangUp(CancellationToken.None))
        {
            read.Add(message);
        }

        Assert.Equal(["hello", "gps"], read);
    }

    [Fact]
    public async Task AnyOtherFailure_StillFailsTheRead()
    {
        var reader = new HangingUpReader<string>(new InvalidDataException("a message larger than allowed"), "hello");

        var failure = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in reader.UntilHangUp(CancellationToken.None))
            {
            }
        });

        Assert.Equal("a message larger than allowed", failure.Message);
    }
}
