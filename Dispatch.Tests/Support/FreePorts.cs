using System.Net;
using System.Net.Sockets;

namespace Dispatch.Tests.Support;

/// <summary>Loopback ports nobody is listening on, for silos started by tests.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
