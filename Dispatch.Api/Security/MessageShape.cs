using System.Collections;
using System.Collections.Concurrent;
using Dispatch.Contracts.Errors;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Dispatch.Api.Security;

/// <summary>
/// Refuses oversize strings and repeated fields anywhere in a request, by walking its descriptor,
/// so that no service has to remember to and the message names the field at fault.
/// </summary>
/// <remarks>
/// Every crew message passes here (thousands a second at a region's load), so the walk allocates
/// nothing for a message that passes: a field's path is only spelled out when it is at fault
/// (<see cref="FieldFault"/>), and scalar fields, which have no size to check, are never read
/// (reading one boxes it).
/// </remarks>
public static class MessageShape
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> SizedFields = new();

    public static void Check(IMessage message, LimitOptions limits)
    {
        try
        {
            CheckFields(message, limits);
        }
        catch (FieldFault fault)
        {
            throw new RuleException(RuleViolation.InvalidArgument, fault.Message);
        }
    }

    private static void CheckFields(IMessage message, LimitOptions limits)
    {
        foreach (var field in SizedFieldsOf(message.Descriptor))
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                var items = (ICollection)value;
                if (items.Count > limits.MaxRepeated)
                {
                    throw new FieldFault(field.Name, $"has {items.Count} items; the most is {limits.MaxRepeated}");
                }

                // Numbers need no look each (an ECG chunk carries thousands): only strings and messages.
                if (items is IList list && field.FieldType is FieldType.String or FieldType.Message)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        CheckItem(field, list[i], limits, i);
                    }
                }
            }
            else
            {
                CheckItem(field, value, limits, index: null);
            }
        }
    }

    private static void CheckItem(FieldDescriptor field, object? value, LimitOptions limits, int? index)
    {
        switch (value)
        {
            case string text when text.Length > MaxLength(field, limits):
                throw new FieldFault(Segment(field, index), $"is {text.Length} characters; the most is {MaxLength(field, limits)}");
            case IMessage nested when field.FieldType == FieldType.Message:
                try
                {
                    CheckFields(nested, limits);
                }
                catch (FieldFault fault)
                {
                    throw fault.Under(Segment(field, index));
                }

                break;
        }
    }

    private static string Segment(FieldDescriptor field, int? index) => index is { } i ? $"{field.Name}[{i}]" : field.Name;

    /// <summary>The fields that can be too big: strings, messages and every repeated field (a map is one too).</summary>
    private static FieldDescriptor[] SizedFieldsOf(MessageDescriptor descriptor) => SizedFields.GetOrAdd(descriptor, static d =>
    [
        .. d.Fields.InFieldNumberOrder().Where(f => f.IsRepeated || f.FieldType is FieldType.String or FieldType.Message),
    ]);

    /// <summary>Free text (a note, a reason) may be long; everything else names something and is short.</summary>
    private static int MaxLength(FieldDescriptor field, LimitOptions limits) =>
        field.Name is "note" or "reason" or "message" ? limits.MaxTextLength : limits.MaxIdLength;
}
