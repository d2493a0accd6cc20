/**
 * Supportive messages, as data: plain words a 10-year-old understands, never blaming the child. `{helpline}`
 * is replaced with the first helpline for the reader's country and age ("Childline on 0800 1111").
 */

/** When a message is shown. */
export const supportTopics = ['stream_risk', 'stream_restricted', 'stream_paused', 'age_check', 'report'] as const;
export type SupportTopic = (typeof supportTopics)[number];

/** Who reads it: a child (under 13), a teen (13–17) or an adult (including unknown age, worded for anyone). */
export const readerGroups = ['child', 'teen', 'adult'] as const;
export type ReaderGroup = (typeof readerGroups)[number];

export const supportMessages: Readonly<Record<SupportTopic, Readonly<Record<ReaderGroup, string>>>> = {
  stream_risk: {
    child:
      'Someone watching your live stream is saying things that are not OK. It is not your fault. You do not have to answer them or do what they ask. You can end your stream at any time. Tell a grown-up you trust, like a parent or a teacher. You can also talk to {helpline}.',
    teen:
      "Someone in your stream is asking for things that aren't OK, like personal details, pictures or moving to another app. That's on them, not you. You don't have to reply. You can end the stream, block them or report them. If something is worrying you, talk to someone you trust or contact {helpline}.",
    adult:
      'A viewer in this stream may be pressuring or targeting someone. You can remove or block them and report them. If a child may be at risk, you can get advice from {helpline}.',
  },
  stream_restricted: {
    child:
      'We changed your stream so only your friends and family can watch and chat. You did nothing wrong. If someone made you feel worried, tell a grown-up you trust or talk to {helpline}.',
    teen:
      "We've made your stream visible to your connections only, to keep it safer. You haven't done anything wrong. If anyone made you uncomfortable, you can block and report them, or talk to {helpline}.",
    adult: 'This stream is now limited to your connections for safety. If you are worried about a child, you can contact {helpline}.',
  },
  stream_paused: {
    child:
      'We stopped your stream for now to keep you safe. You are not in trouble. If someone asked you to do something that felt wrong, it is not your fault. Please tell a grown-up you trust, or talk to {helpline}.',
    teen:
      "We've paused your stream to keep you safe. You're not in trouble. If someone pushed you to do something or threatened you, it's not your fault, and help is there: talk to someone you trust or contact {helpline}.",
    adult: 'This stream has been paused for safety while it is reviewed. If you are worried about a child, contact {helpline}.',
  },
  age_check: {
    child: 'We need to check your age before you can do this. Ask a parent or carer to help you.',
    teen: "We need to check your age before you can use this. It helps keep younger people safe. You can ask a parent or carer to help.",
    adult: 'Please confirm your age to use this feature. Saying your date of birth is not enough on its own.',
  },
  report: {
    child:
      'If someone online is making you feel scared, worried or uncomfortable, it is not your fault. You can tell us here. You can also tell a grown-up you trust, or talk to {helpline}.',
    teen:
      "If someone online is pressuring you, asking for pictures, or threatening you, it's not your fault and you're not in trouble. You can report it here, and you can talk to someone you trust or contact {helpline}.",
    adult:
      'If you are worried that a child is being groomed or harmed online, report it here. You can also get advice from {helpline}. If a child is in danger right now, call your local emergency number.',
  },
};
