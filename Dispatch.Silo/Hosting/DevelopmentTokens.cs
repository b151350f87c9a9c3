using Dispatch.Api.Security;
using Dispatch.Grains.Regions;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// `dotnet run --project Dispatch.Silo -- tokens [--ambulance ID] [--hospital ID]`: one token per
/// role from the development issuer, bound to an ambulance, a hospital and the region loaded.
/// </summary>
public static class DevelopmentTokens
{
    public static int Print(string[] args, TextWriter output, TextWriter errors)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["--region"] = "Dispatch:Region",
                ["--ambulance"] = "Tokens:Ambulance",
                ["--hospital"] = "Tokens:Hospital",
            })
            .Build();
        var options = configuration.GetSection(DispatchOptions.SectionName).Get<DispatchOptions>() ?? new();
        if (!options.Development)
        {
            errors.WriteLine("tokens: the development issuer is for development only (Dispatch:Development is false)");
            return 2;
        }

        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new();
        var region = RegionLoader.LoadFile(options.Region ?? DispatchOptions.SampleRegionPath, requireRoads: false);
        var ambulance = configuration["Tokens:Ambulance"] ?? region.Stations[0].AmbulanceIds[0];
        var hospital = configuration["Tokens:Hospital"] ?? region.Hospitals[0].Id;
        var issuer = new TokenIssuer(auth, TimeProvider.System);
        output.WriteLine($"# Development tokens for {region.Name} (issuer {auth.Issuer}, valid {auth.TokenLifetimeHours} h).");
        output.WriteLine("# Send one as: -H \"Authorization: Bearer $DISPATCH_TOKEN_ADMIN\"");
        output.WriteLine($"DISPATCH_TOKEN_ADMIN={issuer.Issue(DispatchRoles.Admin, subject: "dev-admin")}");
        output.WriteLine($"DISPATCH_TOKEN_COORDINATOR={issuer.Issue(DispatchRoles.Coordinator, region: region.Name, subject: "dev-coordinator")}");
        output.WriteLine($"DISPATCH_TOKEN_CREW={issuer.Issue(DispatchRoles.Crew, ambulanceId: ambulance, subject: $"dev-crew-{ambulance}")}");
        output.WriteLine($"DISPATCH_TOKEN_HOSPITAL={issuer.Issue(DispatchRoles.Hospital, hospitalId: hospital, subject: $"dev-hospital-{hospital}")}");
        output.WriteLine($"DISPATCH_TOKEN_ECG_READER={issuer.Issue(DispatchRoles.EcgReader, subject: "dev-ecg-reader")}");
        return 0;
    }
}
