using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Grpc.AspNetCore.Web;
using Microsoft.Extensions.FileProviders;

namespace Dispatch.Api.Dashboard;

/// <summary>
/// The browser pages: static assets built from ClientApp, and gRPC-Web on every service so the
/// pages call the same methods, through the same interceptors (auth, access, audit, limits), as
/// any other client. The pages themselves hold no patient data until a token fetches it.
/// </summary>
public static class DashboardExtensions
{
    public const string Path = "/dashboard";

    public static WebApplication UseDispatchDashboard(this WebApplication app, DashboardOptions options)
    {
        // Browsers speak HTTP/1.1 to a plain-http endpoint; gRPC clients speak HTTP/2 and keep getting the engine's text at "/".
        app.Use((context, next) =>
        {
            if (context.Request.Path == "/" && !HttpProtocol.IsHttp2(context.Request.Protocol))
            {
                context.Response.Redirect($"{Path}/");
                return Task.CompletedTask;
            }

            return next(context);
        });
        if (Directory.Exists(options.AssetsPath))
        {
            var files = new PhysicalFileProvider(options.AssetsPath);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = Path });
        }

        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        if (options.Development)
        {
            app.MapPost($"{Path}/dev-token", DevelopmentSignIn.Issue);
        }

        return app;
    }
}
