using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Tests.Api;

/// <summary>
/// The role × call table: every method of the API, called by every role with a token bound to
/// its own ambulance, hospital and region, is either served (OK, or a stream's first message)
/// or refused with PermissionDenied. Each role works on a case of its own so that one role's
/// writes cannot change another's outcome.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class AccessTableTests(EngineFixture engine)
{
    // + served, - PermissionDenied.     crew hospital ecg-reader coordinator admin
    private const string Table = """
        CaseService/OpenCase                 -    +    -    +    +
        CaseService/RecordMilestone          +    +    -    +    +
        CaseService/GetCase                  +    +    +    +    +
        CaseService/ListActiveCases          -    -    -    +    +
        CaseService/DispatchAmbulance        -    -    -    +    +
        CaseService/ChooseDestination        -    -    -    +    +
        RegionService/GetRegion              +    +    +    +    +
        RegionService/ListHospitals          +    +    +    +    +
        RegionService/ListAmbulances         -    -    -    +    +
        RegionService/GetRoadMap             +    +    +    +    +
        HospitalService/UpdateStatus         -    +    -    +    +
        HospitalService/GetHospital          +    +    +    +    +
        HospitalService/WatchPreAlerts       -    +    -    +    +
        HospitalService/AcknowledgePreAlert  -    +    -    -    +
        HospitalService/ActivateTeam         -    +    -    -    +
        AmbulanceService/ReportPosition      +    -    -    -    +
        AmbulanceService/SetStatus           +    -    -    +    +
        AmbulanceService/GetAmbulance        +    -    -    +    +
        RoutingService/GetCoverage           -    +    -    +    +
        RoutingService/GetIsochrones         -    +    -    +    +
        RoutingService/GetCentresCovering    +    +    -    +    +
        RoutingService/GetTravelTime         +    +    -    +    +
        RoutingService/SetRoadCondition      -    -    -    +    +
        RoutingService/ClearRoadCondition    -    -    -    +    +
        RoutingService/ListRoadConditions    +    -    -    +    +
        CrewService/Connect                  +    -    -    -    +
        EcgService/ReadRecording             +    +    +    +    +
        CoordinatorService/WatchRegion       -    -    -    +    +
        CoordinatorService/GetClinicalSummary -   -    -    +    +
        EcgReadingService/GetWorklist        -    -    +    +    +
        EcgReadingService/GetFindings        +    +    +    +    +
        EcgReadingService/RecordReading      -    -    +    -    +
        EcgReadingService/ReportCriticalValue -   -    +    -    +
        """;

    private static readonly string[] Columns = [DispatchRoles.Crew, DispatchRoles.Hospital, DispatchRoles.EcgReader, DispatchRoles.Coordinator, DispatchRoles.Admin];

    private static readonly Dictionary<string, string> AmbulanceOf = new()
    {
        [DispatchRoles.Crew] = "amb-11", [DispatchRoles.Hospital] = "amb-12", [DispatchRoles.EcgReader] = "amb-13",
        [DispatchRoles.Coordinator] = "amb-14", [DispatchRoles.Admin] = "amb-15",
    };

    [Fact]
    public void TheTable_CoversEveryMethodOfTheApi()
    {
        var served = ApiRequests.Methods.Select(Key).Order().ToList();

        Assert.Equal(served, Rows().Keys.Order().ToList());
        Assert.Equal(served, ApiRequests.Templates.Keys.Order().ToList());
    }

    [Theory]
    [InlineData(DispatchRoles.Crew)]
    [InlineData(DispatchRoles.Hospital)]
    [InlineData(DispatchRoles.EcgReader)]
    [InlineData(DispatchRoles.Coordinator)]
    [InlineData(DispatchRoles.Admin)]
    public async Task EachRole_IsServedOrRefused_AsTheTableSays(string role)
    {
        var ambulance = AmbulanceOf[role];
        var routed = await StemiCalls.Routed(new CaseService.CaseServiceClient(engine.Channel), $"access-{role}", ambulance);
        Assert.NotEmpty(routed.DestinationHospitalId);
        var (caseId, hospital) = (routed.CaseId, routed.DestinationHospitalId);
        var region = (await new RegionService.RegionServiceClient(engine.Channel).GetRegionAsync(new GetRegionRequest())).Name;
        var token = engine.Tokens.Issue(role, ambulanceId: ambulance, hospitalId: hospital, region: region, subject: $"access-{role}");
        using var channel = engine.ChannelWith(token);
        var newCase = caseId;
        var outcomes = new List<string>();
        var wrong = new List<string>();
        foreach (var (key, allowed) in Rows())
        {
            var method = ApiRequests.Methods.Single(m => Key(m) == key);
            var json = ApiRequests.Fill(key, caseId, newCase, ambulance, hospital, $"{role}-{caseId}");
            var (code, detail) = await DynamicCall.Invoke(channel, method, json);
            if (key == "CaseService/OpenCase" && code == StatusCode.OK)
            {
                newCase = CaseIdOpenedBy($"access-open-{role}-{caseId}");
            }

            outcomes.Add($"{key}: {code} {detail}");
            if (allowed[role] ? code != StatusCode.OK : code != StatusCode.PermissionDenied)
            {
                wrong.Add($"{key} as {role}: expected {(allowed[role] ? "OK" : "PermissionDenied")}, got {code} ({detail})");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong) + "\n--- all outcomes ---\n" + string.Join('\n', outcomes));
    }

    [Fact]
    public async Task NoToken_ABadToken_OrAnExpiredOne_IsUnauthenticated_OnEveryMethod()
    {
        var expired = new TokenIssuer(new AuthOptions { TokenLifetimeHours = 1 }, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3)))
            .Issue(DispatchRoles.Admin);
        var forged = new TokenIssuer(new AuthOptions { SigningKey = new string('x', 64) }, TimeProvider.System).Issue(DispatchRoles.Admin);
        var wrong = new List<string>();
        foreach (var token in new[] { null, "not-a-jwt", expired, forged })
        {
            using var channel = engine.ChannelWith(token);
            foreach (var method in ApiRequests.Methods)
            {
                var (code, _) = await DynamicCall.Invoke(channel, method, "{}");
                if (code != StatusCode.Unauthenticated)
                {
                    wrong.Add($"{Key(method)} with {(token is null ? "no token" : token[..Math.Min(12, token.Length)])}: {code}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task ACoordinatorOfAnotherRegion_IsRefusedEverywhere()
    {
        using var channel = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Coordinator, region: "Another Region"));

        var (code, detail) = await DynamicCall.Invoke(channel, Method("CaseService/ListActiveCases"), "{}");

        Assert.Equal(StatusCode.PermissionDenied, code);
        Assert.Contains("Another Region", detail);
    }

    private static string CaseIdOpenedBy(string commandId) => Dispatch.Api.Grpc.CaseIds.FromCommandId(commandId);

    private static Dictionary<string, Dictionary<string, bool>> Rows() => Table.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(cells => cells[0], cells => Columns.Select((role, i) => (role, cells[i + 1] == "+")).ToDictionary(c => c.role, c => c.Item2));

    private static MethodDescriptor Method(string key) => ApiRequests.Methods.Single(m => Key(m) == key);

    private static string Key(MethodDescriptor method) => ApiRequests.Key(method);
}
