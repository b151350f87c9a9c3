using Dispatch.Api.Grpc;
using Dispatch.Api.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dispatch.Api.Extensions;

/// <summary>Wires the public API into a host, co-hosted with a silo or as a cluster client.</summary>
public static class DispatchApiExtensions
{
    public static IServiceCollection AddDispatchApi(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(auth);
        services.AddSingleton(sp => new TokenIssuer(auth, TimeProvider.System));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                IssuerSigningKey = TokenIssuer.Key(auth),
                RoleClaimType = DispatchClaims.Role,
                NameClaimType = "sub",
                ClockSkew = TimeSpan.FromMinutes(1),
            };
        });
        services.AddAuthorization();
        var limits = configuration.GetSection(LimitOptions.SectionName).Get<LimitOptions>() ?? new LimitOptions();
        services.AddSingleton(limits);
        services.AddSingleton<IdentityLimits>();
        services.AddSingleton<DeliveryAudit>();
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = limits.MaxMessageBytes;
            options.Interceptors.Add<AuditInterceptor>();
            options.Interceptors.Add<RuleExceptionInterceptor>();
            options.Interceptors.Add<AccessInterceptor>();
            options.Interceptors.Add<LimitInterceptor>();
            options.EnableDetailedErrors = false;
        });
        services.AddGrpcReflection();
        services.AddSingleton<ClusterChanges>();
        services.AddSingleton<ObserverRetirement>();
        services.AddSingleton<CoordinatorBroadcaster>();
        services.AddSingleton<Mapping.InputRules>();
        services.AddHostedService(sp => sp.GetRequiredService<CoordinatorBroadcaster>());
        services.AddGrpcHealthChecks().AddCheck("engine", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        return services;
    }

    public static IEndpointRouteBuilder MapDispatchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<CaseGrpcService>();
        endpoints.MapGrpcService<RegionGrpcService>();
        endpoints.MapGrpcService<HospitalGrpcService>();
        endpoints.MapGrpcService<AmbulanceGrpcService>();
        endpoints.MapGrpcService<RoutingGrpcService>();
        endpoints.MapGrpcService<CrewGrpcService>();
        endpoints.MapGrpcService<EcgGrpcService>();
        endpoints.MapGrpcService<EcgReadingGrpcService>();
        endpoints.MapGrpcService<CoordinatorGrpcService>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}
