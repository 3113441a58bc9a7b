import { Suspense } from "react";
import { getSetupSteps } from "@/lib/setup/queries";
import { isSetUp } from "@/lib/setup/steps";
import { GettingStarted } from "@/components/setup/getting-started";
import { PanelSkeleton } from "@/components/ui/panel";

async function Steps({ onlyWhileIncomplete, canConfigure }: { onlyWhileIncomplete: boolean; canConfigure: boolean }) {
  const steps = await getSetupSteps();
  if (onlyWhileIncomplete && isSetUp(steps)) return null;
  return <GettingStarted steps={steps} canConfigure={canConfigure} />;
}

/** Getting started, streamed on its own: on the landing page until set up (`onlyWhileIncomplete`), always in Settings. */
export function SetupPanel({
  onlyWhileIncomplete = false,
  canConfigure,
}: {
  onlyWhileIncomplete?: boolean;
  canConfigure: boolean;
}) {
  return (
    <Suspense
      fallback={
        <div className="mb-6">
          <PanelSkeleton title="Getting started" lines={3} />
        </div>
      }
    >
      <Steps onlyWhileIncomplete={onlyWhileIncomplete} canConfigure={canConfigure} />
    </Suspense>
  );
}
