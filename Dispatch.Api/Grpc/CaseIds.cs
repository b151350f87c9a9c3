using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Api.Grpc;

/// <summary>
/// Case ids derive from the opening command id, so a client that retries an open it never saw
/// answered lands on the same case instead of creating a second one.
/// </summary>
public static class CaseIds
{
    public static string FromCommandId(string commandId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(commandId));
        return "case-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
