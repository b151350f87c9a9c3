using Dispatch.Contracts.Binding;
using Grpc.Core;

namespace Dispatch.Contracts.V1;

public static partial class EcgService
{
    public abstract partial class EcgServiceBase
    {
        /// <summary>Binds like BindService, with request deserializers that answer unreadable bytes with InvalidArgument.</summary>
        public static void BindValidated(ServiceBinderBase binder, EcgServiceBase? service) =>
            BindService(new ValidatingServiceBinder(binder), service);
    }
}
