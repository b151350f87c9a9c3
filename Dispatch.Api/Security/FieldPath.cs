using Google.Protobuf.Reflection;

namespace Dispatch.Api.Security;

/// <summary>
/// Where a nested message sits in a request (<c>ecg.leads[3]</c>), kept as links to its parents and
/// spelled out only when a field under it is at fault.
/// </summary>
internal sealed class FieldPath(FieldPath? parent, FieldDescriptor field, int? index)
{
    public static string Name(FieldPath? parent, FieldDescriptor field, int? index = null) =>
        parent is null ? Segment(field, index) : $"{parent}.{Segment(field, index)}";

    public override string ToString() => Name(parent, field, index);

    private static string Segment(FieldDescriptor field, int? index) => index is { } i ? $"{field.Name}[{i}]" : field.Name;
}
