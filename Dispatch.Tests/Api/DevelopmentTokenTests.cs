using Dispatch.Contracts.V1;
using Dispatch.Silo.Hosting;
using Dispatch.Tests.Support;
using Grpc.Core;

namespace Dispatch.Tests.Api;

/// <summary>`Dispatch.Silo tokens` prints a working token per role for the development engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class DevelopmentTokenTests(EngineFixture engine)
{
    [Fact]
    public async Task TheTokensCommand_PrintsOneTokenPerRole_ThatTheEngineAccepts_ForWhatThatRoleMayDo()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = DevelopmentTokens.Print(["--ambulance", "amb-6", "--hospital", "h-city-2"], output, errors);

        Assert.Equal(0, exit);
        var tokens = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("DISPATCH_TOKEN_", StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim());
        Assert.Equal(["DISPATCH_TOKEN_ADMIN", "DISPATCH_TOKEN_COORDINATOR", "DISPATCH_TOKEN_CREW", "DISPATCH_TOKEN_ECG_READER", "DISPATCH_TOKEN_HOSPITAL"],
            tokens.Keys.Order());

        using var coordinator = engine.ChannelWith(tokens["DISPATCH_TOKEN_COORDINATOR"]);
        using var crew = engine.ChannelWith(tokens["DISPATCH_TOKEN_CREW"]);
        using var hospital = engine.ChannelWith(tokens["DISPATCH_TOKEN_HOSPITAL"]);
        await new CaseService.CaseServiceClient(coordinator).ListActiveCasesAsync(new ListActiveCasesRequest());
        var own = await new AmbulanceService.AmbulanceServiceClient(crew).GetAmbulanceAsync(new GetAmbulanceRequest { AmbulanceId = "amb-6" });
        var notOwn = await Assert.ThrowsAsync<RpcException>(() =>
            new AmbulanceService.AmbulanceServiceClient(crew).GetAmbulanceAsync(new GetAmbulanceRequest { AmbulanceId = "amb-7" }).ResponseAsync);
        var status = await new HospitalService.HospitalServiceClient(hospital).GetHospitalAsync(new GetHospitalRequest { HospitalId = "h-city-2" });

        Assert.Equal("amb-6", own.Id);
        Assert.Equal(StatusCode.PermissionDenied, notOwn.StatusCode);
        Assert.Equal("h-city-2", status.Id);
    }

    [Fact]
    public void OutsideDevelopment_TheCommandRefuses()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = DevelopmentTokens.Print(["--Dispatch:Development", "false"], output, errors);

        Assert.Equal(2, exit);
        Assert.Equal("tokens: the development issuer is for development only (Dispatch:Development is false)", errors.ToString().Trim());
        Assert.Empty(output.ToString());
    }
}
