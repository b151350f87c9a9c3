namespace Dispatch.Tests.Support.Fuzzing;

/// <summary>Damages a serialized message the way a broken link or a hostile client would: flips, cuts, splices.</summary>
internal static class ByteMutator
{
    public static byte[] Damage(byte[] message, Random random)
    {
        var bytes = new List<byte>(message);
        var damages = random.Next(1, 4);
        for (var i = 0; i < damages; i++)
        {
            switch (random.Next(5))
            {
                case 0 when bytes.Count > 0:
                    var at = random.Next(bytes.Count);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveRange(random.Next(bytes.Count), 1);
                    break;
                case 2:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 3 when bytes.Count > 1:
                    bytes.RemoveRange(random.Next(bytes.Count / 2, bytes.Count), 1);
                    bytes = bytes.Take(random.Next(bytes.Count)).ToList();
                    break;
                default:
                    var junk = new byte[random.Next(1, 16)];
                    random.NextBytes(junk);
                    bytes.InsertRange(random.Next(bytes.Count + 1), junk);
                    break;
            }
        }

        return [.. bytes];
    }
}
