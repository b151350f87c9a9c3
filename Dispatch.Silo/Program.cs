using Dispatch.Silo.Hosting;

var app = DispatchHost.Create(args);
await app.RunAsync();
