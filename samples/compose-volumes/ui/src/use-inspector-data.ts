import { useCallback, useEffect, useState } from "react";
import { describeFailure } from "./describe-failure.js";
import type { BackendClient } from "@dext/backend/client";
import type { Contract, Volume } from "../../shared/contract.js";
import type { State } from "../../shared/state.js";

export interface InspectorData {
  volumes: Volume[] | undefined;
  engineVersion: string | undefined;
  state: State | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
  /** Takes the state a pin, note or import call answered, so the view shows what was saved. */
  setState: (state: State) => void;
}

/** The volumes and the extension's state, loaded together and again on `reload`. */
export function useInspectorData(backend: BackendClient<Contract>): InspectorData {
  const [volumes, setVolumes] = useState<{ list: Volume[]; engineVersion: string }>();
  const [state, setState] = useState<State>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    Promise.all([backend.listVolumes(), backend.getState()]).then(
      ([listed, saved]) => {
        if (!current) return;
        setVolumes({ list: listed.volumes, engineVersion: listed.engineVersion });
        setState(saved);
        setError(undefined);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(describeFailure(reason));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [backend, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { volumes: volumes?.list, engineVersion: volumes?.engineVersion, state, error, loading, reload, setState };
}
