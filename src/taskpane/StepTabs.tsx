import {
  renderTabList_unstable,
  renderTab_unstable,
  slot,
  useTabListContextValues_unstable,
  useTabListContext_unstable,
  useTabListStyles_unstable,
  useTabStyles_unstable,
  type TabListProps,
  type TabListState,
  type TabProps,
  type TabState,
  type TabValue,
} from "@fluentui/react-components";
import { useTabBase_unstable, useTabListBase_unstable } from "@fluentui/react-tabs";
import {
  createContext,
  forwardRef,
  useContext,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";

/**
 * The steps' tab list: Fluent UI's TabList and Tab, recomposed from Fluent's own hooks, styles and
 * render functions (the same elements, classes and look), but for the keyboard. Fluent's TabList
 * moves between tabs with tabster's arrow-navigation group, and tabster (Fluent's focus manager,
 * 15 KB gzip, the largest library in the pane after React DOM) came with the pane for nothing else
 * at first render. Here the arrow keys are this file's, as the WAI-ARIA tabs pattern has them
 * (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): ←/→ move the focus between tabs, wrapping
 * round, Home/End to the first and last; Enter or Space opens the focused tab (the tab is a
 * button); one tab at a time is in the Tab order (the focused one, else the selected one), so Tab
 * leaves the list for the step's content, and coming back lands on the selected tab, as with
 * tabster's group (`memorizeCurrent: false`, the selected tab the default).
 */

/** The tab that is in the Tab order: the one the arrows last moved to, else the selected one. */
const RovingContext = createContext<{ current: TabValue | undefined; setCurrent: (v: TabValue) => void }>({
  current: undefined,
  setCurrent: () => undefined,
});

const ARROWS: Readonly<Record<string, (i: number, n: number) => number>> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

function moveFocus(e: KeyboardEvent<HTMLDivElement>): void {
  const to = ARROWS[e.key];
  if (!to || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const tabs = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]:not(:disabled)')];
  const i = tabs.findIndex((t) => t === document.activeElement);
  if (i < 0) return;
  e.preventDefault();
  tabs[to(i, tabs.length)]?.focus();
}

export const StepTabList = forwardRef<HTMLDivElement, TabListProps & { children?: ReactNode }>(
  function StepTabList(props, ref) {
    const base = useTabListBase_unstable(props, ref);
    const [current, setCurrent] = useState<TabValue | undefined>(undefined);
    const { onKeyDown, onBlur } = base.root;
    const state: TabListState = {
      ...base,
      appearance: props.appearance ?? "transparent",
      reserveSelectedTabSpace: props.reserveSelectedTabSpace ?? true,
      size: props.size ?? "medium",
      root: {
        ...base.root,
        onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
          onKeyDown?.(e);
          if (!e.defaultPrevented) moveFocus(e);
        },
        // Focus gone from the list: coming back by Tab lands on the selected tab again.
        onBlur: (e: FocusEvent<HTMLDivElement>) => {
          onBlur?.(e);
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setCurrent(undefined);
        },
      },
    };
    const contextValues = useTabListContextValues_unstable(state);
    useTabListStyles_unstable(state);
    return (
      <RovingContext.Provider value={{ current: current ?? state.selectedValue, setCurrent }}>
        {renderTabList_unstable(state, contextValues)}
      </RovingContext.Provider>
    );
  },
);

export const StepTab = forwardRef<HTMLButtonElement, TabProps>(function StepTab(props, ref) {
  const roving = useContext(RovingContext);
  const { onFocus } = props;
  const base = useTabBase_unstable(
    {
      ...props,
      tabIndex: roving.current === props.value ? 0 : -1,
      onFocus: (e: FocusEvent<HTMLButtonElement>) => {
        onFocus?.(e);
        roving.setCurrent(props.value);
      },
    },
    ref,
  );
  const appearance = useTabListContext_unstable((ctx) => ctx.appearance);
  const reserveSelectedTabSpace = useTabListContext_unstable((ctx) => ctx.reserveSelectedTabSpace);
  const size = useTabListContext_unstable((ctx) => ctx.size ?? "medium");
  const state: TabState = {
    ...base,
    components: { ...base.components, contentReservedSpace: "span" },
    // The selected tab's text is bold; the others reserve its bold width, so selecting one does
    // not shift the tabs after it (Fluent's Tab does the same).
    contentReservedSpace: slot.optional<NonNullable<TabState["contentReservedSpace"]>>(undefined, {
      renderByDefault: !base.selected && !base.iconOnly && reserveSelectedTabSpace,
      defaultProps: { children: props.children },
      elementType: "span",
    }),
    appearance,
    size,
  };
  useTabStyles_unstable(state);
  return renderTab_unstable(state);
});
