using Dispatch.Silo.Hosting;

if (args is ["tokens", .. var rest])
{
    return DevelopmentTokens.Print(rest, Console.Out, Console.Error);
}

var app = DispatchHost.Create(args);
await app.RunAsync();
return 0;
