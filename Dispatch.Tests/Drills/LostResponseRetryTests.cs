using Dispatch.Contracts.V1;
using Google.Protobuf;
using Dispatch.Simulator.Drills;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Drills;

/// <summary>
/// A drill's unary call whose response never comes (Kestrel's lost responses, dotnet/aspnetcore#53736)
/// is asked again once its attempt deadline passes, instead of holding the drill for ever.
/// </summary>
public sealed class LostResponseRetryTests
{
    private static readonly Method<GetCaseRequest, CaseView> GetCase = new(MethodType.Unary, "dispatch.v1.CaseService", "GetCase",
        Marshallers.Create(r => r.ToByteArray(), GetCaseRequest.Parser.ParseFrom), Marshallers.Create(r => r.ToByteArray(), CaseView.Parser.ParseFrom));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ResponseLostOnce_IsAskedAgainWithAFreshDeadline_AndTheCallerGetsTheSecondAnswer()
    {
        var attempts = new List<CallOptions>();
        var call = Intercept(new LostResponseRetry(TimeSpan.FromSeconds(30), 3, _time), attempts, lost: 1);

        var answer = await call.ResponseAsync;

        Assert.Equal("case-7", answer.CaseId);
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(_time.GetUtcNow().UtcDateTime.AddSeconds(30), a.Deadline));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("2", (await call.ResponseHeadersAsync).GetValue("attempt"));
    }

    [Fact]
    public async Task ResponseLostEveryTime_EndsAfterTheLastAttempt_AsDeadlineExceeded()
    {
        var attempts = new List<CallOptions>();
        var call = Intercept(new LostResponseRetry(TimeSpan.FromSeconds(30), 3, _time), attempts, lost: int.MaxValue);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(3, attempts.Count);
    }

    [Fact]
    public async Task CallWithItsOwnDeadline_IsLeftAlone()
    {
        var attempts = new List<CallOptions>();
        var own = _time.GetUtcNow().UtcDateTime.AddSeconds(2);
        var call = Intercept(new LostResponseRetry(TimeSpan.FromSeconds(30), 3, _time), attempts, lost: 1, new CallOptions(deadline: own));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(own, Assert.Single(attempts).Deadline);
    }

    /// <summary>
    /// The interceptor over a channel whose first <paramref name="lost"/> responses never arrive: as
    /// the gRPC client reports it, each such attempt ends as DEADLINE_EXCEEDED when its deadline passes.
    /// </summary>
    private static AsyncUnaryCall<CaseView> Intercept(Interceptor interceptor, List<CallOptions> attempts, int lost, CallOptions options = default)
    {
        var context = new ClientInterceptorContext<GetCaseRequest, CaseView>(GetCase, null, options);
        return interceptor.AsyncUnaryCall(new GetCaseRequest { CaseId = "case-7" }, context, (request, attempt) =>
        {
            attempts.Add(attempt.Options);
            var number = attempts.Count;
            var headers = new Metadata { { "attempt", number.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
            var status = number <= lost ? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded") : Status.DefaultSuccess;
            var response = number <= lost
                ? Task.FromException<CaseView>(new RpcException(status))
                : Task.FromResult(new CaseView { CaseId = request.CaseId });
            return new AsyncUnaryCall<CaseView>(response, Task.FromResult(headers), () => status, () => [], () => { });
        });
    }
}
