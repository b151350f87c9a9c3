using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Tests.Support.Fuzzing;

/// <summary>
/// Mutates a valid request field by field, through its descriptor: the values a flaky link, a
/// buggy client or an attacker would send (NaN, extremes, undefined enums, huge or hostile strings,
/// other callers' ids, cleared sub-messages, swollen repeated fields).
/// </summary>
internal sealed class MessageMutator(Random random, IReadOnlyList<string> knownIds)
{
    private static readonly double[] Doubles =
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, -0.0, 0, 1e-300, -91, 91, 181, -181, 90, -180];

    private static readonly string[] Strings =
        ["", " ", "\0", "../../etc/passwd", "'; DROP TABLE cases; --", "<script>alert(1)</script>", "\u202Eevil", "😀😀", "%s%s%n", "case-", "amb-", "h-"];

    public IMessage Mutate(IMessage seed, int mutations)
    {
        var message = seed.Descriptor.Parser.ParseFrom(seed.ToByteArray());
        for (var i = 0; i < mutations; i++)
        {
            MutateOne(message, depth: 0);
        }

        return message;
    }

    private void MutateOne(IMessage message, int depth)
    {
        var fields = message.Descriptor.Fields.InDeclarationOrder();
        if (fields.Count == 0)
        {
            return;
        }

        var field = fields[random.Next(fields.Count)];
        if (field.IsMap)
        {
            return;
        }

        if (field.IsRepeated)
        {
            MutateRepeated(message, field, depth);
            return;
        }

        if (field.FieldType == FieldType.Message)
        {
            var current = (IMessage?)field.Accessor.GetValue(message);
            switch (random.Next(4))
            {
                case 0:
                    field.Accessor.Clear(message);
                    break;
                case 1 when field.MessageType.FullName == Timestamp.Descriptor.FullName:
                    field.Accessor.SetValue(message, Extreme(random));
                    break;
                default:
                    var nested = current ?? (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                    MutateOne(nested, depth + 1);
                    field.Accessor.SetValue(message, nested);
                    break;
            }

            return;
        }

        field.Accessor.SetValue(message, RandomScalar(field));
    }

    private void MutateRepeated(IMessage message, FieldDescriptor field, int depth)
    {
        var list = (IList)field.Accessor.GetValue(message);
        switch (random.Next(4))
        {
            case 0:
                list.Clear();
                break;
            case 1 when list.Count > 0:
                list.RemoveAt(random.Next(list.Count));
                break;
            case 2 when field.FieldType != FieldType.Message:
                var extra = random.Next(5) == 0 ? 30_000 : random.Next(1, 50);
                for (var i = 0; i < extra; i++)
                {
                    list.Add(RandomScalar(field));
                }

                break;
            default:
                if (list.Count == 0)
                {
                    break;
                }

                var index = random.Next(list.Count);
                if (field.FieldType == FieldType.Message)
                {
                    MutateOne((IMessage)list[index]!, depth + 1);
                }
                else
                {
                    list[index] = RandomScalar(field);
                }

                break;
        }
    }

    private object RandomScalar(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => RandomString(),
        FieldType.Double => Pick(Doubles, () => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 12))),
        FieldType.Float => (float)Pick(Doubles, () => random.NextDouble() * 1000),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Pick([int.MinValue, int.MaxValue, -1, 0, 1], () => random.Next(-100_000, 100_000)),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick([long.MinValue, long.MaxValue, -1L, 0L], () => random.NextInt64(-1_000_000, 1_000_000)),
        FieldType.UInt32 or FieldType.Fixed32 => Pick([uint.MaxValue, 0u, 1u, 199u, 1001u], () => (uint)random.Next(0, 100_000)),
        FieldType.UInt64 or FieldType.Fixed64 => Pick([ulong.MaxValue, 0UL, 1UL, (ulong)long.MaxValue + 1], () => (ulong)random.NextInt64(0, 10_000)),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Enum => Pick([-1, 0, 999, int.MaxValue], () => random.Next(0, field.EnumType.Values.Count + 1)),
        FieldType.Bytes => ByteString.CopyFrom(RandomBytes(random.Next(0, 64))),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    private string RandomString() => random.Next(6) switch
    {
        0 => Strings[random.Next(Strings.Length)],
        1 => knownIds[random.Next(knownIds.Count)],
        2 => new string((char)random.Next(32, 0xD7FF), random.Next(100, 3000)),
        3 => knownIds[random.Next(knownIds.Count)] + Strings[random.Next(Strings.Length)],
        _ => new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(32, 127)).ToArray()),
    };

    private T Pick<T>(T[] special, Func<T> any) => random.Next(3) == 0 ? special[random.Next(special.Length)] : any();

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A timestamp far off, or not a valid one at all.</summary>
    private static Timestamp Extreme(Random random) => random.Next(3) switch
    {
        0 => new Timestamp { Seconds = random.NextInt64(-62135596800, 253402300799) },
        1 => new Timestamp { Seconds = long.MaxValue, Nanos = int.MaxValue },
        _ => new Timestamp { Seconds = 0, Nanos = -1 },
    };
}
